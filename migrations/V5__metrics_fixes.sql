-- Rounds sent by hand ("send now") have the period "manual-" and the UTC minute, e.g. manual-2026-11-24T10:05Z:
-- 24 characters, more than the 20 V1 gave pulse_round.period. PostgreSQL enforces the length and refused such
-- rounds; SQLite never enforces it, so the change runs on PostgreSQL only.
${postgres_only}ALTER TABLE pulse_round ALTER COLUMN period TYPE VARCHAR(40);
