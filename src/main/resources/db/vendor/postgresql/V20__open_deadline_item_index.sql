-- 督办台账 at scale (issue 14, README "Benchmark"): the supervisors' counts and lists read only open deadline items,
-- about one row in ten once years of closed ones have piled up. A partial index on the open rows carries every column
-- those statements read (DeadlineItemQueries: the three SLA boundaries, the filter and grouping columns, the sort
-- keys), so PostgreSQL answers them with an index-only scan over the open rows and never visits the table's pages of
-- closed history. Ordered by due_at, id: the overdue list's first page (ORDER BY due_at, id) is read in index order.
-- PostgreSQL only (partial index, INCLUDE); H2 has its own V20 (db/vendor/h2).
CREATE INDEX ix_deadline_item_open_cover ON deadline_item (due_at, id)
    INCLUDE (due_soon_from, seriously_overdue_from, opened_at, paused_since, lifecycle, county, responsible,
             enterprise_id)
    WHERE closed_at IS NULL;
