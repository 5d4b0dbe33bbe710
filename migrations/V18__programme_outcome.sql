-- The programme's own owner and outcome (issue 19, part 1): the commercial outcome a programme's accountable owner
-- answers for, next to its sponsor, and the owner's quarterly check-ins on it, kept apart from the workflows'
-- (checkin_cycle is keyed by workflow). Runs unchanged on SQLite and PostgreSQL.

-- catalog/: the person the programme's owner email names (as workflow.owner_person_id), and the programme outcome as
-- the programmes file declares it.
ALTER TABLE programme ADD COLUMN owner_person_id BIGINT REFERENCES person (id);

CREATE TABLE programme_outcome (
    programme_id   VARCHAR(64) PRIMARY KEY REFERENCES programme (id),
    metric         VARCHAR(200) NOT NULL,
    unit           VARCHAR(50) NOT NULL,
    direction      VARCHAR(4) NOT NULL CHECK (direction IN ('up', 'down')),
    baseline       NUMERIC(18, 4) NOT NULL,
    target         NUMERIC(18, 4) NOT NULL,
    target_quarter VARCHAR(7) NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);

-- checkin/: one cycle per programme and period, and the values its owner logged (the latest in a cycle counts).
CREATE TABLE programme_checkin_cycle (
    id             ${id},
    programme_id   VARCHAR(64) NOT NULL REFERENCES programme (id),
    period         VARCHAR(10) NOT NULL,        -- 2026-Q4, or 2026-11 for a monthly cadence
    opened_at      TIMESTAMP NOT NULL,
    reminders_sent INTEGER NOT NULL DEFAULT 0,
    escalated_at   TIMESTAMP,
    completed_at   TIMESTAMP,
    UNIQUE (programme_id, period)
);
CREATE INDEX programme_checkin_cycle_open ON programme_checkin_cycle (completed_at, escalated_at);

CREATE TABLE programme_checkin (
    id           ${id},
    cycle_id     BIGINT NOT NULL REFERENCES programme_checkin_cycle (id),
    value        NUMERIC(18, 4) NOT NULL,
    status       VARCHAR(20) NOT NULL CHECK (status IN ('on_track', 'at_risk', 'off_track')),
    confidence   INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 10),
    evidence_url VARCHAR(3000),
    note         TEXT,
    submitted_by BIGINT REFERENCES person (id),
    submitted_at TIMESTAMP NOT NULL
);
CREATE INDEX programme_checkin_cycle_idx ON programme_checkin (cycle_id);

-- What other features may read: the programme's owner and first load, its outcome, its check-in cycles and the
-- values logged (without who logged them or their notes).
CREATE VIEW read_programme_owner AS
SELECT id AS programme_id, owner_email, created_at
FROM programme;

CREATE VIEW read_programme_outcome AS
SELECT programme_id, metric, unit, direction, baseline, target, target_quarter
FROM programme_outcome;

CREATE VIEW read_programme_checkin_cycle AS
SELECT id, programme_id, period, opened_at, escalated_at, completed_at
FROM programme_checkin_cycle;

CREATE VIEW read_programme_checkin AS
SELECT id, cycle_id, value, status, confidence, submitted_at
FROM programme_checkin;

-- Part of the figures: on PostgreSQL a write moves the figures' version on, as V13 does for the others.
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_programme_outcome AFTER INSERT OR UPDATE OR DELETE ON programme_outcome DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_programme_checkin_cycle AFTER INSERT OR UPDATE OR DELETE ON programme_checkin_cycle DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_programme_checkin AFTER INSERT OR UPDATE OR DELETE ON programme_checkin DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_programme_outcome AFTER TRUNCATE ON programme_outcome FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_programme_checkin_cycle AFTER TRUNCATE ON programme_checkin_cycle FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_programme_checkin AFTER TRUNCATE ON programme_checkin FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
