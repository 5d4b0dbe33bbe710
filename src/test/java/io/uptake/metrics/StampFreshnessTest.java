package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "Data as of" and lateness of each workflow's telemetry as the service's scorecards carry them, judged at each read
 * against the injected clock: one source of each kind on both sides of its expected lag, a source that delivered
 * nothing, and a workflow whose use is only self-reported, which has no "data as of" at all.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StampFreshnessTest implements TestPropertyProvider {

    /** The scored week, 2026-W46. */
    static final LocalDate MONDAY = LocalDate.parse("2026-11-09");
    /** The newest day GitHub Copilot delivered, as the usage feature records it. */
    static final LocalDate COPILOT_THROUGH = LocalDate.parse("2026-11-16");
    /** The newest day of telemetry posted for the workflow fed by files. */
    static final LocalDate FILE_THROUGH = MONDAY.plusDays(4);

    @Inject
    DataSource dataSource;
    @Inject
    ScorecardSource scorecards;
    @Inject
    MutableClock clock;
    @Inject
    StampFreshness stamp;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path file = Files.createTempFile("programmes", ".yml");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    programmes:
                      - id: dev-ai
                        name: Developer assistants
                        sponsor: cto@example.com
                        workflows:
                          - id: pairing
                            name: Pairing with Copilot
                            owner: lee@example.com
                            audience: { emails: [a1@example.com, a2@example.com, a3@example.com, a4@example.com] }
                            usage: { source: github-copilot }
                          - id: notes
                            name: Meeting notes
                            owner: lee@example.com
                            audience: { emails: [a1@example.com, a2@example.com] }
                            usage: { source: csv:meetings }
                          - id: drafting
                            name: Drafting
                            owner: lee@example.com
                            audience: { emails: [a1@example.com, a2@example.com, a3@example.com] }
                          - id: survey
                            name: Survey only
                            owner: lee@example.com
                            audience: { emails: [a1@example.com, a2@example.com] }
                    csv-profiles:
                      meetings: { person: email, day: date }
                    """);
            return Map.of("uptake.catalog", file.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void seed() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            History h = History.on(c);
            h.usage("pairing", person(c, "a1@example.com"), MONDAY.plusDays(1), 3, "telemetry");
            h.usage("pairing", person(c, "a2@example.com"), MONDAY.plusDays(2), 1, "telemetry");
            h.usage("drafting", person(c, "a1@example.com"), MONDAY, 2, "telemetry");
            h.usage("drafting", person(c, "a3@example.com"), FILE_THROUGH, 1, "telemetry");
            h.usage("survey", person(c, "a1@example.com"), MONDAY.plusDays(1), 3, "self_report");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO usage_source (source, delivered_through, "
                    + "last_attempt_at, last_success_at, last_error, anonymised, last_stored) "
                    + "VALUES ('github-copilot', ?, ?, ?, NULL, FALSE, 2)")) {
                ps.setDate(1, Date.valueOf(COPILOT_THROUGH));
                Timestamp at = Timestamp.from(COPILOT_THROUGH.plusDays(1).atStartOfDay(
                        ZoneOffset.UTC).toInstant());
                ps.setTimestamp(2, at);
                ps.setTimestamp(3, at);
                ps.executeUpdate();
            }
        }
    }

    private static long person(Connection c, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM person WHERE email = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The clock at a moment of {@code day} (UTC). */
    void today(LocalDate day, int hour) {
        clock.set(day.atTime(hour, 0).toInstant(ZoneOffset.UTC));
    }

    WorkflowScore workflow(String id) {
        return scorecards.forWeek(MONDAY, List.of()).programmes().get(0).workflows().stream()
                .filter(w -> w.workflowId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aConnectorAtItsLagIsOnTimeAndADayLaterTheSameFiguresSayItIsLate() {
        int lag = 2;
        today(COPILOT_THROUGH.plusDays(lag), 23);
        Freshness onTime = workflow("pairing").freshness();

        assertThat(onTime.source()).isEqualTo("github-copilot");
        assertThat(onTime.dataAsOf()).isEqualTo(COPILOT_THROUGH);
        assertThat(onTime.daysBehind()).isEqualTo(lag);
        assertThat(onTime.stale()).isFalse();
        assertThat(workflow("pairing").flags()).noneMatch(f -> f.startsWith("usage data"));

        today(COPILOT_THROUGH.plusDays(lag + 1), 0);
        WorkflowScore late = workflow("pairing");

        assertThat(late.freshness().stale()).isTrue();
        assertThat(late.freshness().daysBehind()).isEqualTo(lag + 1);
        assertThat(late.reasons().get(0)).startsWith("usage data late").contains(COPILOT_THROUGH.toString());
        assertThat(late.flags()).contains(late.reasons().get(0));
    }

    @Test
    void postedFilesAreAsOfTheWorkflowsNewestTelemetryDayWithAWeeksLag() {
        today(FILE_THROUGH.plusDays(8), 12);
        Freshness onTime = workflow("drafting").freshness();
        today(FILE_THROUGH.plusDays(9), 12);
        Freshness late = workflow("drafting").freshness();

        assertThat(onTime.source()).isEqualTo("file");
        assertThat(onTime.dataAsOf()).isEqualTo(FILE_THROUGH);
        assertThat(onTime.stale()).isFalse();
        assertThat(late.stale()).isTrue();
        assertThat(late.daysBehind()).isEqualTo((int) ChronoUnit.DAYS.between(FILE_THROUGH,
                FILE_THROUGH.plusDays(9)));
    }

    @Test
    void aDeclaredSourceThatDeliveredNothingIsLateAndSaysSo() {
        today(COPILOT_THROUGH, 12);
        Freshness f = workflow("notes").freshness();

        assertThat(f.source()).isEqualTo("csv:meetings");
        assertThat(f.dataAsOf()).isNull();
        assertThat(f.stale()).isTrue();
        assertThat(f.notes()).containsExactly("usage data missing: the meetings CSV export has delivered no usage yet");
    }

    @Test
    void aWorkflowWithSelfReportsOnlyHasNoDataAsOf() {
        today(COPILOT_THROUGH, 12);

        assertThat(workflow("survey").freshness()).isNull();
    }

    @Test
    void theProgrammeReasonsSayWhichWorkflowIsLateRightAfterTheHeadlineAndOnlyOnce() {
        today(COPILOT_THROUGH.plusDays(5), 12);
        ProgrammeScore once = scorecards.forWeek(MONDAY, List.of("dev-ai")).programmes().get(0);
        WorkflowScore pairing = once.workflows().stream().filter(w -> w.workflowId().equals("pairing"))
                .findFirst().orElseThrow();
        String late = "Pairing with Copilot: " + pairing.freshness().notes().get(0);

        List<String> flagged = once.workflows().stream().filter(w -> w.freshness() != null)
                .flatMap(w -> w.freshness().notes().stream().map(n -> w.name() + ": " + n)).toList();
        // dev-ai names no programme owner: that reason comes first, then the headline, then the late sources
        assertThat(once.reasons().get(0)).isEqualTo("no programme owner named");
        assertThat(once.reasons().get(1)).endsWith("workflows at leverage");
        assertThat(once.reasons().subList(2, 2 + flagged.size())).isEqualTo(flagged).contains(late);
        // Judged again, as the dashboard does with the weeks it keeps: what it said before is replaced.
        ProgrammeScore twice = stamp.stamp(new Scorecard("2026-W46", List.of(once))).programmes().get(0);
        assertThat(twice.reasons()).containsOnlyOnce(late);
        assertThat(twice.reasons()).hasSameSizeAs(once.reasons());
        assertThat(twice.workflows().get(0).reasons()).isEqualTo(once.workflows().get(0).reasons());
        assertThat(twice.workflows().get(0).flags()).isEqualTo(once.workflows().get(0).flags());
    }
}
