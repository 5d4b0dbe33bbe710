package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The scorecard's aggregate SQL gives the same hand-worked figures on PostgreSQL as on SQLite. */
class ScorecardPostgresTest {

    static final String PG_URL = System.getenv().getOrDefault("UPTAKE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getenv().getOrDefault("UPTAKE_TEST_POSTGRES_USER", "postgres");

    @Test
    void theSeededHistoryScoresTheSameOnPostgres() throws SQLException {
        ComputeScorecard compute = seededOnPostgres(SeededHistory::seed);
        Scorecard card = compute.forWeek(SeededHistory.WEEK, List.of());

        ProgrammeScore programme = card.programmes().get(0);
        assertThat(programme.pilotToProductionPercent().value()).isEqualTo(33.3);
        WorkflowScore intake = programme.workflows().get(0);
        WorkflowScore triage = programme.workflows().get(1);
        assertThat(triage.wauPercent()).isEqualTo(Figure.shown(60.0, 10, Figure.Source.TELEMETRY));
        assertThat(triage.habitPercent()).isEqualTo(Figure.suppressed(Figure.Source.SELF_REPORT));
        assertThat(triage.trustIndex()).isEqualTo(Figure.shown(87.5, 10, Figure.Source.PULSE));
        assertThat(triage.trustChange()).isEqualTo(Figure.shown(37.5, 15, Figure.Source.PULSE));
        assertThat(triage.correctionPercent()).isEqualTo(Figure.shown(40.0, 10, Figure.Source.PULSE));
        assertThat(triage.responsePercent()).isEqualTo(Figure.shown(80.0, 10, Figure.Source.PULSE));
        assertThat(triage.cycleTimeDeltaPercent()).isEqualTo(Figure.shown(-25.0, 6, Figure.Source.PULSE));
        assertThat(triage.outcome().daysSinceCheckin()).isEqualTo(41);
        assertThat(triage.verdict()).isEqualTo(Verdict.LEVERAGE);
        assertThat(intake.responsePercent()).isEqualTo(Figure.shown(37.5, 8, Figure.Source.PULSE));
        assertThat(intake.wauPercent().state()).isEqualTo(Figure.State.SUPPRESSED);
    }

    @Test
    void leaversCountOnlyWhileMembersOnPostgres() throws SQLException {
        ComputeScorecard compute = seededOnPostgres(ScorecardLeaversTest::seed);
        WorkflowScore leftThisWeek = ScorecardLeaversTest.score(compute, ScorecardLeaversTest.FIRST.plusWeeks(9));
        WorkflowScore last = ScorecardLeaversTest.score(compute, ScorecardLeaversTest.WEEK);

        assertThat(leftThisWeek.wauPercent().value()).isEqualTo(60.0);
        assertThat(last.wauPercent().value()).isEqualTo(60.0);
        assertThat(last.habitPercent().value()).isEqualTo(66.7);
    }

    @Test
    void manualRoundsCountInTheirWeekOnPostgres() throws SQLException {
        ComputeScorecard compute = seededOnPostgres(ScorecardManualRoundsTest::seed);
        WorkflowScore score = compute.forWeek(ScorecardManualRoundsTest.WEEK, List.of()).programmes().get(0)
                .workflows().get(0);

        assertThat(score.trustIndex()).isEqualTo(Figure.shown(90.0, 5, Figure.Source.PULSE));
        assertThat(score.responsePercent()).isEqualTo(Figure.shown(83.3, 6, Figure.Source.PULSE));
        assertThat(score.trustChange()).isEqualTo(Figure.shown(40.0, 10, Figure.Source.PULSE));
    }

    @Test
    void cohortsAndAToolsPeopleCountTheSameOnPostgres() throws SQLException {
        ComputeScorecard compute = seededOnPostgres(ScorecardCohortsTest::seed);
        List<WorkflowScore> workflows = compute.forWeek(ScorecardCohortsTest.WEEK, List.of("cohorts"))
                .programmes().get(0).workflows();
        Cohorts shown = workflows.stream().filter(w -> w.workflowId().equals("shown")).findFirst().orElseThrow()
                .cohorts();
        Cohorts self = workflows.stream().filter(w -> w.workflowId().equals("self")).findFirst().orElseThrow()
                .cohorts();

        Figure.Source t = Figure.Source.TELEMETRY;
        assertThat(List.of(shown.none(), shown.light(), shown.moderate(), shown.heavy(), shown.passive(),
                shown.triedAndStopped())).containsExactly(Figure.shown(40.0, 30, t), Figure.shown(20.0, 30, t),
                Figure.shown(23.3, 30, t), Figure.shown(16.7, 30, t), Figure.shown(16.7, 30, t),
                Figure.shown(16.7, 30, t));
        assertThat(self.heavy()).isEqualTo(Figure.shown(33.3, 15, Figure.Source.SELF_REPORT));
        assertThat(self.triedAndStopped()).isEqualTo(Figure.shown(33.3, 15, Figure.Source.SELF_REPORT));
        try (Connection c = DelegatingDataSource.unwrapDataSource(lastContext.getBean(DataSource.class))
                .getConnection()) {
            ToolReads.ToolFacts tool = ToolReads.read(c, List.of("tool-a", "tool-b"), ScorecardCohortsTest.WEEK);
            assertThat(tool).isEqualTo(new ToolReads.ToolFacts(10, 11, ScorecardCohortsTest.WEEK.minusWeeks(4)));
        }
    }

    /** The database behind a test: seeded by the test's own history. */
    interface Seed {
        void seed(Connection c) throws SQLException;
    }

    private final List<AutoCloseable> opened = new ArrayList<>();
    private ApplicationContext lastContext;

    /**
     * A service on a fresh schema of the PostgreSQL database at 127.0.0.1:5432, seeded, and its scorecard; the
     * schema and the service go when the test ends. Skips the test, saying so, when PostgreSQL is not reachable.
     */
    private ComputeScorecard seededOnPostgres(Seed seed) throws SQLException {
        String schema = "uptake_scorecard_" + Long.toHexString(System.nanoTime());
        Connection admin = postgresOrSkip();
        admin.createStatement().execute("CREATE SCHEMA " + schema);
        opened.add(() -> {
            try (admin) {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
        ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url", PG_URL + "?currentSchema=" + schema,
                "datasources.default.username", PG_USER,
                "micronaut.server.port", -1), "test");
        opened.add(0, context);
        lastContext = context;
        try (Connection c = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection()) {
            seed.seed(c);
        }
        return context.getBean(ComputeScorecard.class);
    }

    @AfterEach
    void closeServiceThenDropSchema() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        opened.clear();
    }

    static Connection postgresOrSkip() {
        try {
            return DriverManager.getConnection(PG_URL, PG_USER, "");
        } catch (SQLException e) {
            String message = "SKIPPED: no PostgreSQL reachable at " + PG_URL + " as " + PG_USER + " (" + e.getMessage()
                    + "); the PostgreSQL scorecard check did not run";
            System.err.println(message);
            Assumptions.abort(message);
            return null;
        }
    }
}
