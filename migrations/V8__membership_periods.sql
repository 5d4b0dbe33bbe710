-- Audience membership becomes a history: one row per spell a person spends in an audience, so someone who leaves
-- and comes back keeps both spells, and a past week's figures rest on the people in the audience that week
-- (issue 12 (a): UNIQUE (audience_id, person_id) made a rejoin overwrite the earlier spell).
-- joined_at is empty for the people an audience had when it was first synced: when they joined it is unknown, so
-- they count from before the first sync (history loaded for the weeks before still has its audience).
-- SQLite cannot drop a constraint, so the table is rebuilt on both databases. Row ids are not referenced anywhere
-- and are given afresh, which keeps PostgreSQL's identity sequence in step.
CREATE TABLE audience_member_v8 (
    id          ${id},
    audience_id BIGINT NOT NULL REFERENCES audience (id),
    person_id   BIGINT NOT NULL REFERENCES person (id),
    joined_at   TIMESTAMP,               -- empty: in the audience since before its first sync
    left_at     TIMESTAMP                -- empty: still in it
);

INSERT INTO audience_member_v8 (audience_id, person_id, joined_at, left_at)
SELECT m.audience_id, m.person_id,
       CASE WHEN m.joined_at = (SELECT MIN(f.joined_at) FROM audience_member f WHERE f.audience_id = m.audience_id)
            THEN NULL ELSE m.joined_at END,
       m.left_at
FROM audience_member m ORDER BY m.id;

DROP TABLE audience_member;
ALTER TABLE audience_member_v8 RENAME TO audience_member;

-- One open spell per person and audience; the spells of one audience read together.
CREATE UNIQUE INDEX audience_member_open ON audience_member (audience_id, person_id) WHERE left_at IS NULL;
CREATE INDEX audience_member_spells ON audience_member (audience_id, person_id);
CREATE INDEX audience_member_person ON audience_member (person_id);
