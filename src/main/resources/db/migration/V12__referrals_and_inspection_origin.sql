-- Shared foundations for the new lifecycles (issue 13): referrals to enforcement and inspections with a purpose.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.

-- 移送执法 — a case referred by another lifecycle (EnforcementReferral): the referring case's reference and the facts
-- it gave. One case per source and reference (a repeated referral opens none); NULLs (inspections, reviewers) repeat.
ALTER TABLE enforcement_case ALTER COLUMN source SET DATA TYPE VARCHAR(40);
ALTER TABLE enforcement_case ADD COLUMN source_reference VARCHAR(100);
ALTER TABLE enforcement_case ADD COLUMN referral_facts VARCHAR(2000);
CREATE UNIQUE INDEX ux_enforcement_case_referral ON enforcement_case (source, source_reference);

-- 有目的的检查 — an inspection started for a case of another lifecycle (origin LIFECYCLE): which lifecycle and which of
-- its cases, so InspectionClosed can tell that case when the inspection ends.
ALTER TABLE inspection ADD COLUMN origin_type VARCHAR(40);
ALTER TABLE inspection ADD COLUMN origin_ref VARCHAR(100);
CREATE INDEX ix_inspection_origin ON inspection (origin_type, origin_ref);
