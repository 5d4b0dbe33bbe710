-- Edits of one message are numbered in the order they were queued, so the dispatcher sends only a message's
-- latest state: an edit that a newer one has replaced is dropped, an older one is never sent after a newer one,
-- and two edits of one message are never sent at once (four quick clicks used to reach Slack in any order).
CREATE TABLE message_edit (
    message_id  BIGINT PRIMARY KEY REFERENCES outbox (id) ON DELETE CASCADE,
    latest_seq  INTEGER NOT NULL,           -- the number of the newest edit queued
    sent_seq    INTEGER NOT NULL DEFAULT 0, -- the newest edit the platform accepted (0: none yet)
    sending_seq INTEGER,                    -- the edit being sent right now, if any
    sending_at  TIMESTAMP                   -- when it was taken; a turn held longer than the claim lease lapses
);

ALTER TABLE outbox ADD COLUMN edit_seq INTEGER; -- this edit's number among its message's edits
