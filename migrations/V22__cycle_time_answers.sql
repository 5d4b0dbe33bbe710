-- The effect of going live (issue 19, "a measured effect"): the scorecard follows each person's cycle-time answers
-- from week to week, before and after their wave's go-live, so it reads who answered, not only what. Only
-- confidential rounds keep the person; anonymous answers (person_id NULL) are left out, as the estimate cannot
-- follow them. What the scorecard shows of it is one figure over groups of at least min-respondents people; no
-- person's answers are shown. Runs unchanged on SQLite and PostgreSQL.
CREATE VIEW read_cycle_time_answer AS
SELECT round_id, person_id, value_num
FROM answer
WHERE question = 'cycle-time' AND person_id IS NOT NULL AND value_num IS NOT NULL;
