-- 重新申请 — an application filed because a change of an Art 15 item (排污许可管理条例) needs a new permit: it names the
-- permit it replaces, which is cancelled (注销) when the new one is issued. Portable SQL: H2 2.x and PostgreSQL 13+.
ALTER TABLE permit_application ADD COLUMN replaces_permit_id BIGINT;
ALTER TABLE permit_application ADD CONSTRAINT fk_permit_application_replaces
    FOREIGN KEY (replaces_permit_id) REFERENCES permit(id);
CREATE INDEX ix_permit_application_replaces ON permit_application(replaces_permit_id);
