-- Rollout waves (issue 19): a workflow rolls out to its audiences in waves, each with its own go-live date and
-- team size. The audience table keeps one row per wave: wave 1 is the audience the programmes file has always had
-- (its go_live empty: live with the workflow), so every existing row becomes wave 1 with its figures unchanged.
-- go_live empty means live with the workflow; target_team_size 0 means the workflow's own (wave 1 only).
-- retired_at is set while a wave is out of the programmes file (a rollout shortened); the wave then counts no more
-- and read_audience leaves it out. UNIQUE (workflow_id) becomes UNIQUE (workflow_id, wave).
--
-- PostgreSQL alters the table in place. SQLite cannot drop a constraint, so there the table is rebuilt, and with it
-- the two tables that reference it (audience_email, audience_member): with foreign_keys on, SQLite refuses to drop a
-- parent that still has children, so the children move to new tables pointing at the new parent, every id kept,
-- and the renames point them back at "audience". The views reading these tables are dropped first and created
-- again after (see the note at the top of V9). ${sqlite_only} starts a line only SQLite runs.

DROP VIEW read_audience;
DROP VIEW read_membership;

${postgres_only}ALTER TABLE audience ADD COLUMN wave INTEGER NOT NULL DEFAULT 1;
${postgres_only}ALTER TABLE audience ADD COLUMN go_live DATE;
${postgres_only}ALTER TABLE audience ADD COLUMN target_team_size INTEGER NOT NULL DEFAULT 0;
${postgres_only}ALTER TABLE audience ADD COLUMN retired_at TIMESTAMP;
${postgres_only}ALTER TABLE audience DROP CONSTRAINT audience_workflow_id_key;
${postgres_only}ALTER TABLE audience ADD CONSTRAINT audience_workflow_wave UNIQUE (workflow_id, wave);

${sqlite_only}CREATE TABLE audience_v19 (
${sqlite_only}    id               ${id},
${sqlite_only}    workflow_id      VARCHAR(64) NOT NULL REFERENCES workflow (id),
${sqlite_only}    kind             VARCHAR(20) NOT NULL
${sqlite_only}                     CHECK (kind IN ('slack-channel', 'slack-usergroup', 'teams-team', 'emails')),
${sqlite_only}    source_ref       VARCHAR(200),
${sqlite_only}    last_synced_at   TIMESTAMP,
${sqlite_only}    updated_at       TIMESTAMP NOT NULL,
${sqlite_only}    wave             INTEGER NOT NULL DEFAULT 1,
${sqlite_only}    go_live          DATE,
${sqlite_only}    target_team_size INTEGER NOT NULL DEFAULT 0,
${sqlite_only}    retired_at       TIMESTAMP,
${sqlite_only}    UNIQUE (workflow_id, wave)
${sqlite_only});
${sqlite_only}INSERT INTO audience_v19 (id, workflow_id, kind, source_ref, last_synced_at, updated_at)
${sqlite_only}SELECT id, workflow_id, kind, source_ref, last_synced_at, updated_at FROM audience ORDER BY id;

${sqlite_only}CREATE TABLE audience_email_v19 (
${sqlite_only}    id          ${id},
${sqlite_only}    audience_id BIGINT NOT NULL REFERENCES audience_v19 (id),
${sqlite_only}    email       VARCHAR(320) NOT NULL,
${sqlite_only}    UNIQUE (audience_id, email)
${sqlite_only});
${sqlite_only}INSERT INTO audience_email_v19 (id, audience_id, email)
${sqlite_only}SELECT id, audience_id, email FROM audience_email ORDER BY id;

${sqlite_only}CREATE TABLE audience_member_v19 (
${sqlite_only}    id          ${id},
${sqlite_only}    audience_id BIGINT NOT NULL REFERENCES audience_v19 (id),
${sqlite_only}    person_id   BIGINT NOT NULL REFERENCES person (id),
${sqlite_only}    joined_at   TIMESTAMP,
${sqlite_only}    left_at     TIMESTAMP
${sqlite_only});
${sqlite_only}INSERT INTO audience_member_v19 (id, audience_id, person_id, joined_at, left_at)
${sqlite_only}SELECT id, audience_id, person_id, joined_at, left_at FROM audience_member ORDER BY id;

${sqlite_only}DROP TABLE audience_member;
${sqlite_only}DROP TABLE audience_email;
${sqlite_only}DROP TABLE audience;
${sqlite_only}ALTER TABLE audience_v19 RENAME TO audience;
${sqlite_only}ALTER TABLE audience_email_v19 RENAME TO audience_email;
${sqlite_only}ALTER TABLE audience_member_v19 RENAME TO audience_member;
${sqlite_only}CREATE UNIQUE INDEX audience_member_open ON audience_member (audience_id, person_id) WHERE left_at IS NULL;
${sqlite_only}CREATE INDEX audience_member_spells ON audience_member (audience_id, person_id);
${sqlite_only}CREATE INDEX audience_member_person ON audience_member (person_id);

-- Each workflow's audiences, one a wave still in the programmes file, with the wave's number, go-live (empty: live
-- with the workflow) and team size (0: none given), and its kind ('emails' for a list in the programmes file, else
-- a chat platform's). Wave 1 of a workflow with a single audience is that audience, live with the workflow.
CREATE VIEW read_audience AS
SELECT id, workflow_id, kind, wave, go_live, target_team_size
FROM audience
WHERE retired_at IS NULL;

-- Spells of audience membership: joined_at empty for people in the audience since before its first sync, left_at
-- empty while still in it. One person may have several spells in one audience.
CREATE VIEW read_membership AS
SELECT audience_id, person_id, joined_at, left_at
FROM audience_member;
