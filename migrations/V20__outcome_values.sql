-- Measured outcome values (issue 19, "claimed vs measured"): the value of a workflow's outcome metric on a day, as
-- the system of record gives it through the admin API (POST /api/v1/outcomes/{workflow}/values). One row per
-- workflow and day; posting a day again replaces its value. Written by the check-in feature; the scorecard reads
-- it through read_outcome_value to set the measured value beside the owner's claimed one. Runs unchanged on
-- SQLite and PostgreSQL.
CREATE TABLE outcome_value (
    workflow_id VARCHAR(100)   NOT NULL,
    day         DATE           NOT NULL,
    value       NUMERIC(18, 4) NOT NULL,
    source      VARCHAR(100),                     -- the system of record, e.g. finance-ledger; null when not named
    received_at TIMESTAMP      NOT NULL,          -- when this day's value was last posted
    PRIMARY KEY (workflow_id, day)
);

-- What other features may read of it (the scorecard, the dashboard).
CREATE VIEW read_outcome_value AS
SELECT workflow_id, day, value, source, received_at
FROM outcome_value;

-- A measured value is part of the figures: moving the figures' version on PostgreSQL, as V13 does for the others.
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_outcome_value AFTER INSERT OR UPDATE OR DELETE ON outcome_value DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_outcome_value AFTER TRUNCATE ON outcome_value FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
