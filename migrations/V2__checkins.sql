-- Outcome check-ins: the programmes file's `checkins:` policy, kept so that scheduled jobs (on any instance, and
-- after a restart whose file load failed) use the policy of the last accepted file. One row, id 1.
CREATE TABLE checkin_policy (
    id                     INTEGER PRIMARY KEY CHECK (id = 1),
    cadence                VARCHAR(10) NOT NULL CHECK (cadence IN ('monthly', 'quarterly')),
    remind_minutes         VARCHAR(200) NOT NULL,  -- comma-separated delays after a cycle opens, e.g. 2880,7200
    escalate_after_minutes INTEGER NOT NULL,
    updated_at             TIMESTAMP NOT NULL
);

CREATE INDEX checkin_cycle_open ON checkin_cycle (completed_at, escalated_at);
