-- Demo mode (UPTAKE_DEMO=true, issue 16). Both tables stay empty outside it.
--
-- demo_marker says that this database was made by demo mode, from which generated organisation: a demo refuses
-- to start on a database that holds people or programmes but no marker (real data), and a demo that finds its
-- marker with seeded_at set re-uses the database instead of seeding it again.
CREATE TABLE demo_marker (
    id           INTEGER      PRIMARY KEY,     -- always 1: one demo per database
    seed         BIGINT       NOT NULL,        -- the scenario's seed
    first_monday VARCHAR(10)  NOT NULL,        -- ISO date the seeded year starts on
    weeks        INTEGER      NOT NULL,        -- how many weeks of it were played
    started_at   BIGINT       NOT NULL,        -- epoch milliseconds (system clock) when seeding began
    seeded_at    BIGINT                        -- when it ended; null while seeding, or if it was cut short
);

-- What the chat simulator (/try) shows: every message the outbox sent or edited through the simulator's gateway,
-- as the platform would hold it. message_ref is what the gateway answered (the outbox edits a message by it).
CREATE TABLE web_chat_message (
    id          ${id},
    platform    VARCHAR(16)  NOT NULL,
    tenant_id   VARCHAR(255) NOT NULL,
    recipient   VARCHAR(255) NOT NULL,         -- a user id, a Teams conversation or a channel
    message_ref VARCHAR(64)  NOT NULL UNIQUE,
    kind        VARCHAR(40)  NOT NULL,
    payload     TEXT         NOT NULL,         -- the neutral message as JSON (io.uptake.message.MessageCodec)
    sent_at     BIGINT       NOT NULL,         -- epoch milliseconds on the service clock
    edited_at   BIGINT
);
CREATE INDEX web_chat_message_recipient ON web_chat_message (platform, tenant_id, recipient, id);
