-- 自查 — a non-compliant item keeps where the problem was found and which heavy metals it involves, so a filed
-- self-inspection reads complete on its own (the hazard it raised holds the same values and may change later).
ALTER TABLE self_inspection_item ADD COLUMN location VARCHAR(300);
ALTER TABLE self_inspection_item ADD COLUMN pollutants VARCHAR(100);
CREATE INDEX ix_self_inspection_item_inspection ON self_inspection_item(inspection_id);
-- The overdue list asks "who filed this kind for this period" across all enterprises.
CREATE INDEX ix_self_inspection_kind_period ON self_inspection(kind, period);
