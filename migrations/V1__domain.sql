-- Uptake domain schema. Runs unchanged on SQLite and PostgreSQL: the only differences are the
-- placeholders ${id} (auto-generated 64-bit key) and ${bytes} (binary), filled in at migration time.
-- All instants are UTC TIMESTAMPs; calendar dates are DATE; money-like figures are NUMERIC.

-- People and their chat identities -------------------------------------------------------------
CREATE TABLE person (
    id                 ${id},
    email              VARCHAR(320) UNIQUE,
    display_name       VARCHAR(200),
    time_zone          VARCHAR(64),
    locale             VARCHAR(35),
    opted_out_at       TIMESTAMP,
    paused_until       TIMESTAMP,
    unreachable_at     TIMESTAMP,
    unreachable_reason VARCHAR(200),
    erased_at          TIMESTAMP,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL
);

CREATE TABLE chat_identity (
    id               ${id},
    person_id        BIGINT NOT NULL REFERENCES person (id),
    platform         VARCHAR(10) NOT NULL CHECK (platform IN ('slack', 'teams')),
    tenant_id        VARCHAR(100) NOT NULL,   -- Slack team id or Teams tenant id
    user_id          VARCHAR(200) NOT NULL,   -- Slack user id or Teams bot-scoped user id
    aad_object_id    VARCHAR(64),
    conversation_ref TEXT,                    -- Teams conversation reference (JSON) for proactive messages
    display_name     VARCHAR(200),
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL,
    UNIQUE (platform, tenant_id, user_id)
);
CREATE INDEX chat_identity_person ON chat_identity (person_id);

-- Programmes, workflows, outcomes, audiences ----------------------------------------------------
CREATE TABLE programme (
    id                VARCHAR(64) PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    sponsor_email     VARCHAR(320) NOT NULL,
    sponsor_person_id BIGINT REFERENCES person (id),
    retired_at        TIMESTAMP,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);

CREATE TABLE workflow (
    id                     VARCHAR(64) PRIMARY KEY,
    programme_id           VARCHAR(64) NOT NULL REFERENCES programme (id),
    name                   VARCHAR(200) NOT NULL,
    stage                  VARCHAR(20) NOT NULL CHECK (stage IN ('pilot', 'production', 'retired')),
    stage_since            DATE NOT NULL,
    owner_email            VARCHAR(320) NOT NULL,
    owner_person_id        BIGINT REFERENCES person (id),
    target_team_size       INTEGER NOT NULL DEFAULT 0,
    play_url               VARCHAR(3000),
    cycle_task             VARCHAR(200),
    cycle_baseline_minutes NUMERIC(12, 2),
    retired_at             TIMESTAMP,
    created_at             TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP NOT NULL
);
CREATE INDEX workflow_programme ON workflow (programme_id);

CREATE TABLE workflow_stage (
    id          ${id},
    workflow_id VARCHAR(64) NOT NULL REFERENCES workflow (id),
    stage       VARCHAR(20) NOT NULL CHECK (stage IN ('pilot', 'production', 'retired')),
    since       DATE NOT NULL,
    source      VARCHAR(20) NOT NULL CHECK (source IN ('catalog', 'owner')),
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX workflow_stage_workflow ON workflow_stage (workflow_id, since);

CREATE TABLE outcome (
    workflow_id    VARCHAR(64) PRIMARY KEY REFERENCES workflow (id),
    metric         VARCHAR(200) NOT NULL,
    unit           VARCHAR(50) NOT NULL,
    direction      VARCHAR(4) NOT NULL CHECK (direction IN ('up', 'down')),
    baseline       NUMERIC(18, 4) NOT NULL,
    target         NUMERIC(18, 4) NOT NULL,
    target_quarter VARCHAR(7) NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);

CREATE TABLE audience (
    id             ${id},
    workflow_id    VARCHAR(64) NOT NULL UNIQUE REFERENCES workflow (id),
    kind           VARCHAR(20) NOT NULL CHECK (kind IN ('slack-channel', 'slack-usergroup', 'teams-team', 'emails')),
    source_ref     VARCHAR(200),              -- channel, user group or team id; empty for email lists
    last_synced_at TIMESTAMP,
    updated_at     TIMESTAMP NOT NULL
);

CREATE TABLE audience_email (
    id          ${id},
    audience_id BIGINT NOT NULL REFERENCES audience (id),
    email       VARCHAR(320) NOT NULL,
    UNIQUE (audience_id, email)
);

CREATE TABLE audience_member (
    id          ${id},
    audience_id BIGINT NOT NULL REFERENCES audience (id),
    person_id   BIGINT NOT NULL REFERENCES person (id),
    joined_at   TIMESTAMP NOT NULL,
    left_at     TIMESTAMP,
    UNIQUE (audience_id, person_id)
);
CREATE INDEX audience_member_person ON audience_member (person_id);

-- Pulses, rounds, deliveries, answers -----------------------------------------------------------
CREATE TABLE pulse (
    id                    VARCHAR(64) PRIMARY KEY,
    workflow_id           VARCHAR(64) NOT NULL REFERENCES workflow (id),
    questions             VARCHAR(200) NOT NULL,   -- comma-separated question kinds, in order
    mode                  VARCHAR(20) NOT NULL CHECK (mode IN ('confidential', 'anonymous')),
    schedule_days         VARCHAR(100) NOT NULL,   -- comma-separated ISO days, e.g. TUESDAY
    schedule_at           VARCHAR(5) NOT NULL,     -- HH:mm
    schedule_zone         VARCHAR(64),             -- NULL: each recipient's own zone
    remind_after_minutes  INTEGER NOT NULL,
    reminders             INTEGER NOT NULL,
    close_after_minutes   INTEGER NOT NULL,
    retired_at            TIMESTAMP,
    created_at            TIMESTAMP NOT NULL,
    updated_at            TIMESTAMP NOT NULL
);

CREATE TABLE pulse_round (
    id         ${id},
    pulse_id   VARCHAR(64) NOT NULL REFERENCES pulse (id),
    period     VARCHAR(20) NOT NULL,             -- e.g. 2026-11-24: one round per pulse and period
    questions  VARCHAR(200) NOT NULL,            -- as asked, so later catalogue edits do not rewrite history
    mode       VARCHAR(20) NOT NULL CHECK (mode IN ('confidential', 'anonymous')),
    opened_at  TIMESTAMP NOT NULL,
    closes_at  TIMESTAMP NOT NULL,
    closed_at  TIMESTAMP,
    UNIQUE (pulse_id, period)
);

CREATE TABLE delivery (
    id              ${id},
    round_id        BIGINT NOT NULL REFERENCES pulse_round (id),
    person_id       BIGINT NOT NULL REFERENCES person (id),
    platform        VARCHAR(10) NOT NULL CHECK (platform IN ('slack', 'teams')),
    due_at          TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP,
    answered        BOOLEAN NOT NULL DEFAULT FALSE,   -- anonymous rounds keep only this flag, never when or what
    reminders_sent  INTEGER NOT NULL DEFAULT 0,
    skipped_reason  VARCHAR(100),
    UNIQUE (round_id, person_id)
);
CREATE INDEX delivery_due ON delivery (due_at);

-- In anonymous rounds delivery_id and person_id are NULL and answered_on is the only date kept; ballot is
-- the hash of a random secret that only the respondent's own chat message carries, so they can change
-- their answer while the round is open without anything here pointing at them.
CREATE TABLE answer (
    id          ${id},
    round_id    BIGINT NOT NULL REFERENCES pulse_round (id),
    delivery_id BIGINT REFERENCES delivery (id),
    person_id   BIGINT REFERENCES person (id),
    ballot      VARCHAR(64),
    question    VARCHAR(20) NOT NULL,
    value_int   INTEGER,
    value_num   NUMERIC(12, 2),
    value_text  TEXT,
    answered_on DATE NOT NULL,
    updated_at  TIMESTAMP
);
CREATE UNIQUE INDEX answer_one_per_question ON answer (delivery_id, question) WHERE delivery_id IS NOT NULL;
CREATE UNIQUE INDEX answer_one_per_ballot ON answer (round_id, ballot, question) WHERE ballot IS NOT NULL;
CREATE INDEX answer_round ON answer (round_id, question);

-- Usage -----------------------------------------------------------------------------------------
CREATE TABLE usage_batch (
    batch_key     VARCHAR(200) PRIMARY KEY,
    received_at   TIMESTAMP NOT NULL,
    rows_accepted INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL
);

CREATE TABLE usage_event (
    id          ${id},
    workflow_id VARCHAR(64) NOT NULL REFERENCES workflow (id),
    person_id   BIGINT NOT NULL REFERENCES person (id),
    day         DATE NOT NULL,
    count       INTEGER NOT NULL CHECK (count >= 0),
    source      VARCHAR(20) NOT NULL CHECK (source IN ('telemetry', 'self_report')),
    batch_key   VARCHAR(200),
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX usage_event_workflow_day ON usage_event (workflow_id, day);
CREATE INDEX usage_event_person ON usage_event (person_id);

-- Outcome check-ins -----------------------------------------------------------------------------
CREATE TABLE checkin_cycle (
    id             ${id},
    workflow_id    VARCHAR(64) NOT NULL REFERENCES workflow (id),
    period         VARCHAR(10) NOT NULL,        -- 2026-Q4, or 2026-11 for a monthly cadence
    opened_at      TIMESTAMP NOT NULL,
    reminders_sent INTEGER NOT NULL DEFAULT 0,
    escalated_at   TIMESTAMP,
    completed_at   TIMESTAMP,
    UNIQUE (workflow_id, period)
);

CREATE TABLE checkin (
    id           ${id},
    cycle_id     BIGINT NOT NULL REFERENCES checkin_cycle (id),
    value        NUMERIC(18, 4) NOT NULL,
    status       VARCHAR(20) NOT NULL CHECK (status IN ('on_track', 'at_risk', 'off_track')),
    confidence   INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 10),
    evidence_url VARCHAR(3000),
    note         TEXT,
    submitted_by BIGINT REFERENCES person (id),
    submitted_at TIMESTAMP NOT NULL
);
CREATE INDEX checkin_cycle_idx ON checkin (cycle_id);

-- Digests ---------------------------------------------------------------------------------------
CREATE TABLE digest_subscription (
    id            ${id},
    channel       VARCHAR(300) NOT NULL UNIQUE,   -- slack:C0123ABCD or teams:<conversation id>
    programmes    VARCHAR(2000) NOT NULL,         -- comma-separated programme ids
    schedule_days VARCHAR(100) NOT NULL,
    schedule_at   VARCHAR(5) NOT NULL,
    schedule_zone VARCHAR(64) NOT NULL,
    retired_at    TIMESTAMP,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);

CREATE TABLE digest_run (
    id              ${id},
    subscription_id BIGINT NOT NULL REFERENCES digest_subscription (id),
    week            VARCHAR(8) NOT NULL,          -- ISO week, e.g. 2026-W48
    composed_at     TIMESTAMP NOT NULL,
    UNIQUE (subscription_id, week)
);

CREATE TABLE chart_image (
    token         VARCHAR(64) PRIMARY KEY,        -- unguessable, part of the public URL
    digest_run_id BIGINT REFERENCES digest_run (id),
    png           ${bytes} NOT NULL,
    created_at    TIMESTAMP NOT NULL
);

-- Nudges ----------------------------------------------------------------------------------------
CREATE TABLE nudge (
    id          ${id},
    person_id   BIGINT NOT NULL REFERENCES person (id),
    kind        VARCHAR(30) NOT NULL,
    workflow_id VARCHAR(64) REFERENCES workflow (id),
    dedupe_key  VARCHAR(300) NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX nudge_person ON nudge (person_id, created_at);

-- Outbox: every message the bot sends ----------------------------------------------------------
CREATE TABLE outbox (
    id              ${id},
    dedupe_key      VARCHAR(300) NOT NULL UNIQUE,
    platform        VARCHAR(10) NOT NULL CHECK (platform IN ('slack', 'teams')),
    tenant_id       VARCHAR(100) NOT NULL,
    recipient       VARCHAR(2000) NOT NULL,       -- user id, channel id, or a Teams conversation reference
    person_id       BIGINT REFERENCES person (id),
    kind            VARCHAR(30) NOT NULL,
    payload         TEXT NOT NULL,                -- the neutral message, as JSON
    updates_id      BIGINT REFERENCES outbox (id), -- set when this row edits a message sent earlier
    subject_id      BIGINT,                       -- what the message is about, e.g. the delivery of a pulse
    status          VARCHAR(12) NOT NULL
                    CHECK (status IN ('pending', 'sending', 'sent', 'dead', 'cancelled', 'expired')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    not_before      TIMESTAMP NOT NULL,
    expires_at      TIMESTAMP,                    -- not sent after this: no stale pulses after downtime
    claimed_by      VARCHAR(100),
    claimed_at      TIMESTAMP,
    message_ref     VARCHAR(300),                 -- Slack ts or Teams activity id
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, not_before);
CREATE INDEX outbox_person ON outbox (person_id, status);

-- Installations and inbound idempotency ---------------------------------------------------------
CREATE TABLE slack_installation (
    id                 ${id},
    team_id            VARCHAR(50) NOT NULL,
    enterprise_id      VARCHAR(50),
    bot_user_id        VARCHAR(50),
    bot_token          VARCHAR(500) NOT NULL,
    bot_refresh_token  VARCHAR(500),
    bot_token_expires  TIMESTAMP,
    scopes             VARCHAR(2000),
    installer_user_id  VARCHAR(50),
    team_name          VARCHAR(200),
    refresh_claimed_at TIMESTAMP,        -- one instance at a time refreshes a rotating token
    installed_at       TIMESTAMP NOT NULL,
    uninstalled_at     TIMESTAMP,
    UNIQUE (team_id)
);

CREATE TABLE teams_installation (
    id               ${id},
    tenant_id        VARCHAR(100) NOT NULL,
    scope            VARCHAR(20) NOT NULL CHECK (scope IN ('personal', 'team', 'groupChat')),
    conversation_id  VARCHAR(300) NOT NULL,
    team_id          VARCHAR(300),
    service_url      VARCHAR(500) NOT NULL,
    conversation_ref TEXT NOT NULL,
    installed_at     TIMESTAMP NOT NULL,
    uninstalled_at   TIMESTAMP,
    UNIQUE (tenant_id, conversation_id)
);

CREATE TABLE oauth_state (
    state      VARCHAR(100) PRIMARY KEY,
    expires_at TIMESTAMP NOT NULL
);

CREATE TABLE inbound_seen (
    dedupe_key  VARCHAR(300) PRIMARY KEY,        -- Slack event_id, Teams activity id, button click id
    received_at TIMESTAMP NOT NULL
);

-- Catalogue loads -------------------------------------------------------------------------------
CREATE TABLE catalog_load (
    id          ${id},
    source      VARCHAR(1000) NOT NULL,
    sha256      VARCHAR(64),
    accepted    BOOLEAN NOT NULL,
    summary     VARCHAR(1000) NOT NULL,
    loaded_at   TIMESTAMP NOT NULL
);
