-- Usage ingestion, nudges and data rights. Runs unchanged on SQLite and PostgreSQL.

-- A re-sent batch answers with the result of the first sending, row errors included, so that result is kept.
ALTER TABLE usage_batch ADD COLUMN result TEXT;

-- One self-reported usage figure per person, workflow and day: answering the pulse again replaces it.
CREATE UNIQUE INDEX usage_event_one_self_report ON usage_event (workflow_id, person_id, day)
    WHERE source = 'self_report';

-- The retention job deletes answers by age.
CREATE INDEX answer_answered_on ON answer (answered_on);
