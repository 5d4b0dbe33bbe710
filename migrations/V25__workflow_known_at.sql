-- When Uptake first knew each workflow (the load that added it), for scoring past weeks: a week is scored with the
-- workflows Uptake knew by its end, so a workflow first loaded later with a stage-since in the past does not
-- change the verdicts of weeks whose digests never showed it. Runs unchanged on SQLite and PostgreSQL.

DROP VIEW read_workflow;
CREATE VIEW read_workflow AS
SELECT id, programme_id, name, stage, stage_since, owner_email, target_team_size, cycle_baseline_minutes,
       retired_at, created_at
FROM workflow;
