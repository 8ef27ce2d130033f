-- 暂停计时: a deadline whose clock stands still (a statutory limit during 补正, a step whose due date was taken away
-- while its clock is stopped) is neither on track nor overdue; it keeps its last due date until the clock runs again.
ALTER TABLE deadline_item ADD COLUMN paused_since TIMESTAMP WITH TIME ZONE;
