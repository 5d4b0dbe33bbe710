package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.uptake.time.MutableClock;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The usage sources' rows and a workflow's newest telemetry day read the same on PostgreSQL (its DATE, TIMESTAMP
 * and BOOLEAN) as on SQLite, judged against the test clock.
 */
class FreshnessPostgresTest {

    static final LocalDate THROUGH = LocalDate.parse("2026-11-18");
    static final Instant ATTEMPT = Instant.parse("2026-11-21T06:00:00Z");

    @Test
    void sourcesAndDataAsOfReadTheSameOnPostgres() throws Exception {
        String schema = "uptake_freshness_" + Long.toHexString(System.nanoTime());
        try (Connection admin = ScorecardPostgresTest.postgresOrSkip()) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
            try (ApplicationContext context = ApplicationContext.run(Map.of(
                    "datasources.default.url", ScorecardPostgresTest.PG_URL + "?currentSchema=" + schema,
                    "datasources.default.username", ScorecardPostgresTest.PG_USER,
                    "micronaut.server.port", -1), "test")) {
                seed(context);
                LocalDate today = LocalDate.ofInstant(context.getBean(MutableClock.class).instant(), ZoneOffset.UTC);

                CheckUsageSources.SourceState copilot = context.getBean(CheckUsageSources.class).sources().get(0);
                assertThat(copilot.source()).isEqualTo("github-copilot");
                assertThat(copilot.deliveredThrough()).isEqualTo(THROUGH);
                assertThat(copilot.daysBehind()).isEqualTo((int) ChronoUnit.DAYS.between(THROUGH, today));
                assertThat(copilot.stale()).isEqualTo(ChronoUnit.DAYS.between(THROUGH, today) > 2);
                assertThat(copilot.lastAttemptAt()).isEqualTo(ATTEMPT);
                assertThat(copilot.lastError()).isEqualTo("GitHub answered 401");
                assertThat(copilot.anonymised()).isTrue();

                ScorecardSource scorecards = context.getBean(ScorecardSource.class);
                Freshness triage = scorecards.forWeek(SeededHistory.WEEK, List.of()).programmes().get(0).workflows()
                        .stream().filter(w -> w.workflowId().equals("claims-triage")).findFirst().orElseThrow()
                        .freshness();
                // SeededHistory's newest telemetry: the Friday of the scored week.
                LocalDate newest = SeededHistory.WEEK.plusDays(4);
                assertThat(triage.source()).isEqualTo("file");
                assertThat(triage.dataAsOf()).isEqualTo(newest);
                assertThat(triage.stale()).isEqualTo(ChronoUnit.DAYS.between(newest, today) > 8);
            } finally {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void seed(ApplicationContext context) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection()) {
            SeededHistory.seed(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO usage_source (source, delivered_through, "
                    + "last_attempt_at, last_success_at, last_error, anonymised, last_stored) "
                    + "VALUES ('github-copilot', ?, ?, NULL, 'GitHub answered 401', TRUE, 0)")) {
                ps.setDate(1, Date.valueOf(THROUGH));
                ps.setTimestamp(2, Timestamp.from(ATTEMPT));
                ps.executeUpdate();
            }
        }
    }
}
