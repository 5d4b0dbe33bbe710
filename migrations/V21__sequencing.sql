-- Sequencing (issue 19, part 2): when a workflow's outcome was declared, the day-60 early warnings sent to pilot
-- owners, and the owners' scale / fix / stop decisions. Runs unchanged on SQLite and PostgreSQL.

-- When the outcome was declared: the programmes file's `declared:` date where it gives one (moved by the file),
-- and the day a catalog load first found the outcome on a workflow Uptake already knew (set once, never moved by
-- later edits). An outcome that arrived in the same load as its workflow has no seen_on: Uptake cannot tell which
-- came first, so only a `declared:` date can judge it. Rows stored before this migration have neither.
ALTER TABLE outcome ADD COLUMN declared_on DATE;
ALTER TABLE outcome ADD COLUMN seen_on DATE;

DROP VIEW read_outcome;
CREATE VIEW read_outcome AS
SELECT workflow_id, metric, unit, direction, baseline, target, declared_on, seen_on
FROM outcome;

-- One early warning per workflow and pilot spell (the spell is named by the day it began): the unique key is what
-- makes the periodic job send it once across runs, instances and restarts. Written by the nudge feature.
CREATE TABLE early_warning (
    id          ${id},
    workflow_id VARCHAR(64)   NOT NULL,
    pilot_since DATE          NOT NULL,
    person_id   BIGINT        NOT NULL,         -- the owner warned
    reasons     VARCHAR(2000) NOT NULL,         -- why, in the words of the message, joined by '; '
    sent_on     DATE          NOT NULL,
    sent_at     TIMESTAMP     NOT NULL,
    UNIQUE (workflow_id, pilot_since)
);

-- Every scale / fix / stop decision an owner took, oldest first by id; the latest one is in force, the others are
-- the history. prompt is the early warning's reasons when the owner answered one, else null.
CREATE TABLE owner_decision (
    id          ${id},
    workflow_id VARCHAR(64)   NOT NULL,
    person_id   BIGINT        NOT NULL,
    choice      VARCHAR(5)    NOT NULL CHECK (choice IN ('scale', 'fix', 'stop')),
    decided_on  DATE          NOT NULL,
    decided_at  TIMESTAMP     NOT NULL,
    prompt      VARCHAR(2000)
);
CREATE INDEX owner_decision_workflow ON owner_decision (workflow_id, id);

-- What other features may read of them (the scorecard, the dashboard): never who decided.
CREATE VIEW read_early_warning AS
SELECT workflow_id, pilot_since, reasons, sent_on
FROM early_warning;

CREATE VIEW read_owner_decision AS
SELECT id, workflow_id, choice, decided_on, decided_at, prompt
FROM owner_decision;

-- Both are part of the figures (the scorecard's decision and early-warning day): they move the figures' version.
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_early_warning AFTER INSERT OR UPDATE OR DELETE ON early_warning DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_early_warning AFTER TRUNCATE ON early_warning FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_owner_decision AFTER INSERT OR UPDATE OR DELETE ON owner_decision DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_owner_decision AFTER TRUNCATE ON owner_decision FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
