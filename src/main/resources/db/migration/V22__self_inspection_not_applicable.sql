-- 不适用 — a self-inspection item answered "not applicable" (the portal's form offers it beside 符合 and 不符合).
-- It stays compliant = TRUE, so readers of the older shape see what they saw before.
ALTER TABLE self_inspection_item ADD COLUMN not_applicable BOOLEAN DEFAULT FALSE NOT NULL;
