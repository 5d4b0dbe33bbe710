-- The stakeholder pulse (issue 18, part 5): each programme's named stakeholders and optional accountable owner,
-- and the quarterly round asked of its sponsor and stakeholders. Confidential: a delivery knows whom it went to,
-- reports never show a group below the anonymity threshold. Runs unchanged on SQLite and PostgreSQL.

-- catalog/: the programme's accountable owner (optional for now) and its stakeholders, as the programmes file says.
ALTER TABLE programme ADD COLUMN owner_email VARCHAR(320);

CREATE TABLE programme_stakeholder (
    id           ${id},
    programme_id VARCHAR(64) NOT NULL REFERENCES programme (id),
    email        VARCHAR(320) NOT NULL,
    UNIQUE (programme_id, email)
);

-- pulse/: one round per programme and quarter, a delivery per person asked, their answers.
CREATE TABLE stakeholder_round (
    id           ${id},
    programme_id VARCHAR(64) NOT NULL REFERENCES programme (id),
    quarter      VARCHAR(7) NOT NULL,             -- e.g. 2026-Q4
    opened_at    TIMESTAMP NOT NULL,
    closes_at    TIMESTAMP NOT NULL,
    closed_at    TIMESTAMP,
    UNIQUE (programme_id, quarter)
);

CREATE TABLE stakeholder_delivery (
    id             ${id},
    round_id       BIGINT NOT NULL REFERENCES stakeholder_round (id),
    person_id      BIGINT NOT NULL REFERENCES person (id),
    platform       VARCHAR(10) NOT NULL CHECK (platform IN ('slack', 'teams')),
    due_at         TIMESTAMP NOT NULL,
    answered       BOOLEAN NOT NULL DEFAULT FALSE,
    reminders_sent INTEGER NOT NULL DEFAULT 0,
    UNIQUE (round_id, person_id)
);

CREATE TABLE stakeholder_answer (
    id          ${id},
    round_id    BIGINT NOT NULL REFERENCES stakeholder_round (id),
    delivery_id BIGINT REFERENCES stakeholder_delivery (id), -- emptied when its author is erased; still counted
    question    VARCHAR(20) NOT NULL,             -- confidence, fund or change-mind
    value_int   INTEGER,                          -- confidence 1..5; fund 2 yes, 1 not sure, 0 no
    value_text  TEXT,                             -- change-mind as written, shown only to its author
    shown_text  TEXT,                             -- change-mind with emails, phone numbers and mentions removed
    answered_on DATE NOT NULL,
    updated_at  TIMESTAMP,
    UNIQUE (delivery_id, question)
);
CREATE INDEX stakeholder_answer_round ON stakeholder_answer (round_id, question);

-- What other packages may read: rounds by programme and quarter, whether each delivery was answered (not by whom),
-- answers without their author, and the scrubbed texts without author, time or delivery.
CREATE VIEW read_stakeholder_round AS
SELECT id, programme_id, quarter, opened_at, closes_at, closed_at
FROM stakeholder_round;

CREATE VIEW read_stakeholder_delivery AS
SELECT round_id, answered
FROM stakeholder_delivery;

CREATE VIEW read_stakeholder_answer AS
SELECT round_id, question, value_int
FROM stakeholder_answer;

CREATE VIEW read_stakeholder_comment AS
SELECT round_id, shown_text
FROM stakeholder_answer
WHERE question = 'change-mind' AND shown_text IS NOT NULL;

-- The stakeholder figures are computed from these three: on PostgreSQL a write to them moves the figures' version on,
-- as V13 does for the other figure tables (io.uptake.storage.FigureTables names them too).
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_stakeholder_round AFTER INSERT OR UPDATE OR DELETE ON stakeholder_round DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_stakeholder_delivery AFTER INSERT OR UPDATE OR DELETE ON stakeholder_delivery DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_stakeholder_answer AFTER INSERT OR UPDATE OR DELETE ON stakeholder_answer DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_stakeholder_round AFTER TRUNCATE ON stakeholder_round FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_stakeholder_delivery AFTER TRUNCATE ON stakeholder_delivery FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_stakeholder_answer AFTER TRUNCATE ON stakeholder_answer FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
