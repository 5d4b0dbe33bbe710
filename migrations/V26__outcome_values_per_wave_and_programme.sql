-- Measured outcome values beyond the workflow's own (issue 19). Both are posted through the admin API like
-- V20's, written by the check-in feature and read by the scorecard through their read_* views. Run unchanged on
-- SQLite and PostgreSQL.

-- A workflow's outcome measured for one rollout wave's team on a day (POST /api/v1/outcomes/{workflow}/values
-- with "wave"): the effect of going live on the outcome is estimated from them across waves. One row per
-- workflow, wave and day; posting a day again replaces its value. A value without a wave stays in outcome_value.
CREATE TABLE outcome_wave_value (
    workflow_id VARCHAR(100)   NOT NULL,
    wave        INTEGER        NOT NULL,          -- the wave's number in the programmes file, 1 for the first
    day         DATE           NOT NULL,
    value       NUMERIC(18, 4) NOT NULL,
    source      VARCHAR(100),
    received_at TIMESTAMP      NOT NULL,
    PRIMARY KEY (workflow_id, wave, day)
);

CREATE VIEW read_outcome_wave_value AS
SELECT workflow_id, wave, day, value, source, received_at
FROM outcome_wave_value;

-- A programme's own outcome measured on a day (POST /api/v1/outcomes/programme:<id>/values), set beside the value
-- its owner claims in their programme check-in.
CREATE TABLE programme_outcome_value (
    programme_id VARCHAR(100)   NOT NULL,
    day          DATE           NOT NULL,
    value        NUMERIC(18, 4) NOT NULL,
    source       VARCHAR(100),
    received_at  TIMESTAMP      NOT NULL,
    PRIMARY KEY (programme_id, day)
);

CREATE VIEW read_programme_outcome_value AS
SELECT programme_id, day, value, source, received_at
FROM programme_outcome_value;

-- Both are part of the figures: moving the figures' version on PostgreSQL, as V13 and V20 do for the others.
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_outcome_wave_value AFTER INSERT OR UPDATE OR DELETE ON outcome_wave_value DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_outcome_wave_value AFTER TRUNCATE ON outcome_wave_value FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_programme_outcome_value AFTER INSERT OR UPDATE OR DELETE ON programme_outcome_value DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_programme_outcome_value AFTER TRUNCATE ON programme_outcome_value FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
