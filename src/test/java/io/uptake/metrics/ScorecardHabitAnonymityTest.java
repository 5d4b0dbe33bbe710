package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The habit figure rests on the people whose use it counts: self-reported habit from fewer than five reporters is
 * never shown, however large the audience, and self-reports mixed into telemetry make it a self-reported figure.
 * Every workflow has an audience of 20 and use in all twelve weeks of the window unless said otherwise.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardHabitAnonymityTest {

    static final LocalDate WEEK = LocalDate.parse("2026-11-09");
    static final LocalDate FIRST = WEEK.minusWeeks(11);

    @Inject
    DataSource dataSource;

    @Inject
    ComputeScorecard compute;

    Scorecard card;
    History h;
    int people;

    @BeforeAll
    void seed() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            h = History.on(c);
            h.programme("habits", "Habits");
            long[] few = workflow("self-few");
            for (int p = 0; p < 3; p++) {
                everyWeek("self-few", few[p], "self_report", 1);
            }
            long[] mixed = workflow("mixed-few");
            for (int p = 0; p < 8; p++) {
                everyWeek("mixed-few", mixed[p], "telemetry", 2);
            }
            for (int p = 8; p < 10; p++) {
                everyWeek("mixed-few", mixed[p], "self_report", 1);
            }
            long[] enough = workflow("self-enough");
            for (int p = 0; p < 5; p++) {
                everyWeek("self-enough", enough[p], "self_report", p < 4 ? 1 : 0);
            }
            long[] telemetry = workflow("telemetry-only");
            for (int p = 0; p < 6; p++) {
                everyWeek("telemetry-only", telemetry[p], "telemetry", 1);
            }
            for (int week = 3; week < 12; week++) { // nine weeks: a habit
                h.usage("telemetry-only", telemetry[6], FIRST.plusWeeks(week), 1, "telemetry");
            }
            for (int week = 4; week < 12; week++) { // eight weeks: not yet
                h.usage("telemetry-only", telemetry[7], FIRST.plusWeeks(week), 1, "telemetry");
            }
            long[] covered = workflow("telemetry-covered");
            for (int p = 0; p < 6; p++) {
                everyWeek("telemetry-covered", covered[p], "telemetry", 1);
            }
            for (int p = 0; p < 2; p++) {
                everyWeek("telemetry-covered", covered[p], "self_report", 1);
            }
        }
        card = compute.forWeek(WEEK, List.of());
    }

    private long[] workflow(String id) throws SQLException {
        h.workflow(id, "habits", id, "pilot", LocalDate.parse("2026-06-01"), 20, null);
        long[] audience = new long[20];
        for (int i = 0; i < audience.length; i++) {
            audience[i] = h.person("p" + people++ + "@example.com");
        }
        h.audience(id, audience);
        return audience;
    }

    private void everyWeek(String workflow, long person, String source, int count) throws SQLException {
        for (int week = 0; week < 12; week++) {
            h.usage(workflow, person, FIRST.plusWeeks(week), count, source);
        }
    }

    private Figure habit(String workflow) {
        return card.programmes().get(0).workflows().stream().filter(w -> w.workflowId().equals(workflow))
                .findFirst().orElseThrow().habitPercent();
    }

    @Test
    void threeSelfReportersInAnAudienceOfTwentyAreSuppressed() {
        assertThat(habit("self-few")).isEqualTo(Figure.suppressed(Figure.Source.SELF_REPORT));
    }

    @Test
    void twoSelfReportersAddedToTelemetryMakeItASuppressedSelfReportedFigure() {
        assertThat(habit("mixed-few")).isEqualTo(Figure.suppressed(Figure.Source.SELF_REPORT));
    }

    @Test
    void fiveSelfReportersAreShownWithTheReportersAsN() {
        assertThat(habit("self-enough")).isEqualTo(Figure.shown(20.0, 5, Figure.Source.SELF_REPORT));
    }

    @Test
    void telemetryHabitIsTheShareActiveInNineOfTwelveWeeksRestingOnThePeopleWithAnyUse() {
        assertThat(habit("telemetry-only")).isEqualTo(Figure.shown(35.0, 8, Figure.Source.TELEMETRY));
    }

    @Test
    void selfReportsOfWeeksTelemetryAlreadyShowsLeaveItATelemetryFigure() {
        assertThat(habit("telemetry-covered")).isEqualTo(Figure.shown(30.0, 6, Figure.Source.TELEMETRY));
    }
}
