-- 督办台账 at scale (issue 14): PostgreSQL gets a partial covering index on the open deadline items here
-- (db/vendor/postgresql/V20). H2, the embedded default for one machine, has neither partial indexes nor INCLUDE; its
-- deadline items keep V14's (closed_at, due_at) index. Nothing to change, so that both databases share version 20.
SELECT 1;
