-- Quarterly board summary (issue 19, part 6): one row per programme, quarter and recipient (the programme's owner
-- and its sponsor), claimed in the same transaction that stores the page's image and writes the outbox row, so a
-- re-run of the job, a restart or a second node of a PostgreSQL cluster finds the recipient served and sends
-- nothing more. Written by the digest feature (io.uptake.digest.board); not a figure. Runs unchanged on SQLite and
-- PostgreSQL.
CREATE TABLE board_summary_run (
    programme_id VARCHAR(100) NOT NULL,
    quarter      VARCHAR(7)   NOT NULL,            -- e.g. 2026-Q4
    email        VARCHAR(320) NOT NULL,            -- the recipient, lower case
    role         VARCHAR(20)  NOT NULL,            -- owner, sponsor, or owner and sponsor
    chart_token  VARCHAR(64),                      -- the page in chart_image
    sent_at      TIMESTAMP    NOT NULL,            -- when it was queued
    PRIMARY KEY (programme_id, quarter, email)
);
