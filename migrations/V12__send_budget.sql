-- One rate budget per platform lane, shared by every node on the database (issue 15): a Slack workspace's posts,
-- its edits (chat.update has its own, lower limit) and a Teams tenant's sends are each a lane. Each send takes the
-- lane's next slot in one short transaction (io.uptake.delivery.SendBudget), so the nodes together never send to a
-- tenant faster than its rate; a 429 seen by one node pauses the lane and lowers its rate for all of them.
-- Instants are microseconds since the epoch (slots are whole milliseconds today), an integer both databases store
-- and compare alike. Runs unchanged on SQLite and PostgreSQL.
CREATE TABLE send_budget (
    platform     VARCHAR(16)      NOT NULL,
    tenant_id    VARCHAR(255)     NOT NULL,
    lane         VARCHAR(16)      NOT NULL, -- 'post' or 'update' on Slack, 'send' on Teams
    next_slot    BIGINT           NOT NULL, -- the earliest instant the next send may have
    rate         DOUBLE PRECISION NOT NULL, -- sends a second the lane is paced at now
    paused_until BIGINT           NOT NULL, -- the platform asked the lane to wait until then (its last Retry-After)
    limited_at   BIGINT,                    -- when the lane's last run of 429s began; null before its first
    sent_since   BIGINT           NOT NULL, -- slots handed out since limited_at, to measure the platform's cap
    PRIMARY KEY (platform, tenant_id, lane)
);
