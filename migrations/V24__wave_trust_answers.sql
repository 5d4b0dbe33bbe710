-- Per-wave trust index (issue 19): a wave's trust index rests on the trust answers of the people in its audience,
-- so the scorecard reads who gave them. Only confidential rounds keep the person; anonymous answers (person_id
-- NULL) are left out, and no free text is exposed. What the scorecard shows of it is one figure per wave over at
-- least min-respondents answers. Runs unchanged on SQLite and PostgreSQL.
CREATE VIEW read_trust_answer AS
SELECT round_id, person_id, value_int
FROM answer
WHERE question = 'trust' AND person_id IS NOT NULL AND value_int IS NOT NULL;
