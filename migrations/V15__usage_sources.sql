-- Where usage telemetry comes from and how fresh it is (issue 17): one row per source, written by the usage
-- feature each time it takes telemetry in. A connector (github-copilot, microsoft-365-copilot) writes it on every
-- pull, successful or not; telemetry posted as a file writes it under 'file', and a CSV profile's export under
-- 'csv:<profile>'. delivered_through is the newest day the source has delivered in full ("data as of"); the pull
-- after it starts from there, so a restart or an outage backfills the days missed. Runs unchanged on SQLite and
-- PostgreSQL.
CREATE TABLE usage_source (
    source            VARCHAR(100) NOT NULL PRIMARY KEY,
    delivered_through DATE,                           -- null until the source delivered a day
    last_attempt_at   TIMESTAMP,                      -- the last pull or upload, whatever its result
    last_success_at   TIMESTAMP,                      -- the last one that delivered
    last_error        TEXT,                           -- why the last attempt failed; null after a success
    anonymised        BOOLEAN      NOT NULL DEFAULT FALSE, -- the source hid who its users are on its last delivery
    last_stored       INTEGER      NOT NULL DEFAULT 0 -- events the last delivery stored
);

-- What other features may read of it (the digest's and the dashboard's "data as of", /health).
CREATE VIEW read_usage_source AS
SELECT source, delivered_through, last_attempt_at, last_success_at, last_error, anonymised, last_stored
FROM usage_source;
