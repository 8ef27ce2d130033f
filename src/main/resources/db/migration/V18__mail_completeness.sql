-- E-mail completeness (issue 14). Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.

-- What a queued message is about, so the sender can skip it when the step (task) or the case (process instance)
-- ended before it went out; a skipped row keeps its reason and is never sent.
ALTER TABLE mail_outbox ADD COLUMN process_instance_id VARCHAR(64);
ALTER TABLE mail_outbox ADD COLUMN task_id VARCHAR(64);
ALTER TABLE mail_outbox ADD COLUMN skipped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_outbox ADD COLUMN skip_reason VARCHAR(300);
