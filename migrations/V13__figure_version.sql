-- The figures' version, shared by every node on PostgreSQL (io.uptake.storage.FigureVersion). A scorecard is cached
-- under the version read before computing it; every committed write to a table a figure is computed from
-- (io.uptake.storage.FigureTables, the same list as the triggers below) moves this one row on, so any node's next
-- read sees a version its cache has never held and computes afresh.
--
-- Bumped at commit time: the triggers are deferred constraint triggers, so the row is locked only while its writer
-- commits, as the writer's last lock. Two writers therefore queue for this row for no more than a commit each and
-- can never deadlock on it (a writer holding it waits for nothing else), and a long transaction (a directory
-- sync) does not hold every other writer up for its whole length. A transaction bumps once however many rows it
-- writes (the transaction-local setting uptake.figure_version_bumped remembers it). The bump commits with the
-- write, so a reader that sees the new version sees the data too, and a reader that read the old version and then
-- missed the write holds a result that no later read asks for.
--
-- SQLite runs one node, and keeps its version in the process (these lines are comments there).
${postgres_only}CREATE TABLE figure_version (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
${postgres_only}INSERT INTO figure_version (id, version) VALUES (1, 0);
${postgres_only}CREATE FUNCTION figure_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_LEVEL = 'STATEMENT' OR current_setting('uptake.figure_version_bumped', true) IS DISTINCT FROM txid_current()::text THEN UPDATE figure_version SET version = version + 1 WHERE id = 1; PERFORM set_config('uptake.figure_version_bumped', txid_current()::text, true); END IF; RETURN NULL; END $$;

-- One row trigger per figure table, run at commit; TRUNCATE has no row trigger, so a statement trigger covers it.
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_programme AFTER INSERT OR UPDATE OR DELETE ON programme DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_workflow AFTER INSERT OR UPDATE OR DELETE ON workflow DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_workflow_stage AFTER INSERT OR UPDATE OR DELETE ON workflow_stage DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_outcome AFTER INSERT OR UPDATE OR DELETE ON outcome DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_audience AFTER INSERT OR UPDATE OR DELETE ON audience DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_audience_email AFTER INSERT OR UPDATE OR DELETE ON audience_email DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_audience_member AFTER INSERT OR UPDATE OR DELETE ON audience_member DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_person AFTER INSERT OR UPDATE OR DELETE ON person DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_pulse AFTER INSERT OR UPDATE OR DELETE ON pulse DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_pulse_round AFTER INSERT OR UPDATE OR DELETE ON pulse_round DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_delivery AFTER INSERT OR UPDATE OR DELETE ON delivery DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_answer AFTER INSERT OR UPDATE OR DELETE ON answer DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_usage_event AFTER INSERT OR UPDATE OR DELETE ON usage_event DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_checkin_cycle AFTER INSERT OR UPDATE OR DELETE ON checkin_cycle DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_checkin AFTER INSERT OR UPDATE OR DELETE ON checkin DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE CONSTRAINT TRIGGER figure_version_checkin_policy AFTER INSERT OR UPDATE OR DELETE ON checkin_policy DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_programme AFTER TRUNCATE ON programme FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_workflow AFTER TRUNCATE ON workflow FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_workflow_stage AFTER TRUNCATE ON workflow_stage FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_outcome AFTER TRUNCATE ON outcome FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_audience AFTER TRUNCATE ON audience FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_audience_email AFTER TRUNCATE ON audience_email FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_audience_member AFTER TRUNCATE ON audience_member FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_person AFTER TRUNCATE ON person FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_pulse AFTER TRUNCATE ON pulse FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_pulse_round AFTER TRUNCATE ON pulse_round FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_delivery AFTER TRUNCATE ON delivery FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_answer AFTER TRUNCATE ON answer FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_usage_event AFTER TRUNCATE ON usage_event FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_checkin_cycle AFTER TRUNCATE ON checkin_cycle FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_checkin AFTER TRUNCATE ON checkin FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
${postgres_only}CREATE TRIGGER figure_version_truncate_checkin_policy AFTER TRUNCATE ON checkin_policy FOR EACH STATEMENT EXECUTE FUNCTION figure_version_bump();
