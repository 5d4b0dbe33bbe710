-- Read models: the views through which a package reads tables another package owns (the scorecard, metrics/, reads
-- the catalogue, people, pulses, usage and check-ins this way). Each is published by the package that owns its
-- tables, which keeps them right when its tables change; the readers see only the columns named here, so a table
-- can gain a column, or be reorganised behind its view, without any reader changing. What a view leaves out is part
-- of its promise: no answer says who gave it or carries free text, no check-in says who logged it or with what
-- note, and of a person only the name they go by shows, and not once they are erased. SqlOwnershipTest holds every
-- hand-written query to this: a class reads its own package's tables, and others' only through these views.
--
-- Plain projections (and one filter), no joins or aggregates, so both databases fold a view into the query that
-- reads it: SQLite's query flattener and PostgreSQL's planner give the same plans as on the tables, with the same
-- indexes (V4's covering indexes included). Runs unchanged on SQLite and PostgreSQL.
--
-- A later migration that rebuilds a table these views read (as V8 rebuilt audience_member: a new table, copy,
-- drop, rename) drops the views on it first and creates them again after: PostgreSQL refuses to drop a table a
-- view depends on, and SQLite refuses to rename a table into a schema whose views name a table that is gone.

-- catalog/: programmes, workflows, their stage history, outcomes, audiences and pulses --------------------------

-- Programmes; retired_at is set while a programme is out of the programmes file.
CREATE VIEW read_programme AS
SELECT id, name, sponsor_email, retired_at
FROM programme;

-- Workflows as the programmes file declares them now; their past stages are in read_workflow_stage.
CREATE VIEW read_workflow AS
SELECT id, programme_id, name, stage, stage_since, owner_email, target_team_size, cycle_baseline_minutes,
       retired_at
FROM workflow;

-- Every stage a workflow was in and since when, in the order recorded (id).
CREATE VIEW read_workflow_stage AS
SELECT id, workflow_id, stage, since
FROM workflow_stage;

-- Each workflow's accountable outcome: its metric, baseline and target.
CREATE VIEW read_outcome AS
SELECT workflow_id, metric, unit, direction, baseline, target
FROM outcome;

-- Each workflow's audience and its kind ('emails' for a list in the programmes file, else a chat platform's).
CREATE VIEW read_audience AS
SELECT id, workflow_id, kind
FROM audience;

-- Which workflow each pulse asks about.
CREATE VIEW read_pulse AS
SELECT id, workflow_id
FROM pulse;

-- people/: who is in an audience when, and what a person is called -----------------------------------------------

-- Spells of audience membership: joined_at empty for people in the audience since before its first sync, left_at
-- empty while still in it. One person may have several spells in one audience.
CREATE VIEW read_membership AS
SELECT audience_id, person_id, joined_at, left_at
FROM audience_member;

-- The names people go by, by email, for people not erased; an erased person's name is never shown again.
CREATE VIEW read_person_name AS
SELECT email, display_name
FROM person
WHERE erased_at IS NULL;

-- pulse/: rounds, deliveries and answers, without anyone's identity or words -----------------------------------

-- Rounds of each pulse and their period: the date scheduled for, or 'manual-' and the UTC minute of a manual send.
CREATE VIEW read_round AS
SELECT id, pulse_id, period
FROM pulse_round;

-- Deliveries of each round: whether sent and whether answered, not to whom.
CREATE VIEW read_delivery AS
SELECT round_id, sent_at, answered
FROM delivery;

-- Answers of each round: the question and its value, never who answered or free text.
CREATE VIEW read_answer AS
SELECT round_id, question, value_int, value_num
FROM answer;

-- usage/: use of each workflow per person, day and source ---------------------------------------------------------

-- How often a person used a workflow on a day, from telemetry or as they reported it ('telemetry', 'self_report').
CREATE VIEW read_usage_day AS
SELECT workflow_id, person_id, day, count, source
FROM usage_event;

-- checkin/: outcome check-in cycles and the values logged, without who logged them or their notes ---------------

CREATE VIEW read_checkin_cycle AS
SELECT id, workflow_id, period, opened_at, escalated_at, completed_at
FROM checkin_cycle;

CREATE VIEW read_checkin AS
SELECT id, cycle_id, value, status, confidence, submitted_at
FROM checkin;
