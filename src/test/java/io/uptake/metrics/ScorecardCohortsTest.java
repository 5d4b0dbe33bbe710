package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.uptake.catalog.ToolSeats;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cohorts by days of use in the scored week, tried-and-stopped and passive use, computed here from the rows seeded
 * (defaults: light 1 day, moderate 2–3, heavy 4 or more), and hidden where a group is too small.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardCohortsTest {

    static final LocalDate WEEK = LocalDate.parse("2026-11-09");

    @Inject
    DataSource dataSource;

    @Inject
    ComputeScorecard compute;

    Scorecard card;
    Connection connection;

    @BeforeAll
    void seed() throws SQLException {
        connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        seed(connection);
        card = compute.forWeek(WEEK, List.of("cohorts"));
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
    }

    /** Seeds the programme {@code cohorts} and its workflows; PostgreSQL's check seeds the same. */
    static void seed(Connection c) throws SQLException {
        Seeding seeding = new Seeding(History.on(c));
        seeding.h.programme("cohorts", "Cohorts");
        seeding.seedShown();
        seeding.seedSmallLight();
        seeding.seedSmallNone();
        seeding.seedSelfReported();
        seeding.seedTool();
    }

    /** Writes the seeded history, counting the people it makes. */
    private static final class Seeding {

        private final History h;
        private int people;

        Seeding(History h) {
            this.h = h;
        }

        /**
         * Two workflows on one tool: tool-a's audience is q0–q7, tool-b's q4–q11. In the scored week q0–q5 use tool-a
         * and q4–q9 tool-b, and q11 uses tool-a outside its audience; 3 weeks before, q6 and q7 use tool-a and q10
         * tool-b; 4 weeks before (outside the last 4), q11 uses tool-b.
         */
        private void seedTool() throws SQLException {
            long[] q = new long[12];
            for (int i = 0; i < q.length; i++) {
                q[i] = h.person("tool" + i + "@example.com");
            }
            for (String id : List.of("tool-a", "tool-b")) {
                h.workflow(id, "cohorts", id, "pilot", LocalDate.parse("2026-06-01"), 8, null);
            }
            h.audience("tool-a", q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7]);
            h.audience("tool-b", q[4], q[5], q[6], q[7], q[8], q[9], q[10], q[11]);
            for (int i = 0; i <= 5; i++) {
                h.usage("tool-a", q[i], WEEK.plusDays(1), 1, "telemetry");
            }
            for (int i = 4; i <= 9; i++) {
                h.usage("tool-b", q[i], WEEK.plusDays(2), 1, "telemetry");
            }
            h.usage("tool-a", q[11], WEEK.plusDays(2), 1, "telemetry");
            h.usage("tool-a", q[6], WEEK.minusWeeks(3), 1, "telemetry");
            h.usage("tool-a", q[7], WEEK.minusWeeks(3), 1, "telemetry");
            h.usage("tool-b", q[10], WEEK.minusWeeks(3), 1, "telemetry");
            h.usage("tool-b", q[11], WEEK.minusWeeks(4), 1, "telemetry");
        }

        /**
         * 30 people: 6 on 1 day, 3 on 2 days, 4 on 3 days, 2 on 4, 2 on 5 and 1 on 7 days; 5 present with days counted
         * 0 only; 7 without telemetry, 5 of whom used it 3 weeks before and not since. The light ones also used it 5
         * weeks before, when telemetry began.
         */
        private void seedShown() throws SQLException {
            long[] p = workflow("shown", 30);
            int[] days = {1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 7};
            for (int i = 0; i < days.length; i++) {
                for (int d = 0; d < days[i]; d++) {
                    h.usage("shown", p[i], WEEK.plusDays(d), 2, "telemetry");
                }
            }
            for (int i = 0; i < 6; i++) {
                h.usage("shown", p[i], WEEK.minusWeeks(5).plusDays(2), 1, "telemetry");
            }
            for (int i = 18; i < 23; i++) {
                h.usage("shown", p[i], WEEK.plusDays(1), 0, "telemetry");
                h.usage("shown", p[i], WEEK.plusDays(2), 0, "telemetry");
            }
            for (int i = 23; i < 28; i++) {
                h.usage("shown", p[i], WEEK.minusWeeks(3).plusDays(4), 3, "telemetry");
            }
        }

        /** 20 people: 2 on 1 day, 6 on 3 days, 7 on 5 days, 5 without use. */
        private void seedSmallLight() throws SQLException {
            long[] p = workflow("small-light", 20);
            int[] days = {1, 1, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5};
            for (int i = 0; i < days.length; i++) {
                for (int d = 0; d < days[i]; d++) {
                    h.usage("small-light", p[i], WEEK.plusDays(d), 1, "telemetry");
                }
            }
        }

        /** 20 people: 6 on 1 day, 6 on 2, 6 on 6 days, 2 without use. */
        private void seedSmallNone() throws SQLException {
            long[] p = workflow("small-none", 20);
            for (int i = 0; i < 18; i++) {
                int days = i < 6 ? 1 : i < 12 ? 2 : 6;
                for (int d = 0; d < days; d++) {
                    h.usage("small-none", p[i], WEEK.plusDays(d), 1, "telemetry");
                }
            }
        }

        /**
         * 16 people; 15 reported in the week: 5 never, 5 once, 5 most days (stored as counts 0, 1 and 5). The 5 who
         * now say never had reported a few times 4 weeks before.
         */
        private void seedSelfReported() throws SQLException {
            long[] p = workflow("self", 16);
            for (int i = 0; i < 15; i++) {
                h.usage("self", p[i], WEEK.plusDays(1), i < 5 ? 0 : i < 10 ? 1 : 5, "self_report");
            }
            for (int i = 0; i < 5; i++) {
                h.usage("self", p[i], WEEK.minusWeeks(4).plusDays(1), 3, "self_report");
            }
        }

        private long[] workflow(String id, int size) throws SQLException {
            h.workflow(id, "cohorts", id, "pilot", LocalDate.parse("2026-06-01"), size, null);
            long[] audience = new long[size];
            for (int i = 0; i < size; i++) {
                audience[i] = h.person("cohort" + people++ + "@example.com");
            }
            h.audience(id, audience);
            return audience;
        }
    }

    private WorkflowScore score(String id) {
        return card.programmes().get(0).workflows().stream().filter(w -> w.workflowId().equals(id)).findFirst()
                .orElseThrow();
    }

    /** A share as the scorecard rounds it: to one decimal, half up. */
    private static double percent(int part, int whole) {
        return Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static List<Figure> groups(Cohorts c) {
        return List.of(c.none(), c.light(), c.moderate(), c.heavy());
    }

    @Test
    void theAudienceIsSplitByDaysOfTelemetryUseInTheWeek() {
        Cohorts c = score("shown").cohorts();

        Figure.Source t = Figure.Source.TELEMETRY;
        assertThat(groups(c)).containsExactly(Figure.shown(percent(12, 30), 30, t),
                Figure.shown(percent(6, 30), 30, t), Figure.shown(percent(7, 30), 30, t),
                Figure.shown(percent(5, 30), 30, t));
        assertThat(c.lightMaxDays()).isEqualTo(1);
        assertThat(c.moderateMaxDays()).isEqualTo(3);
    }

    @Test
    void peoplePresentOnlyWithDaysCountedZeroArePassive() {
        assertThat(score("shown").cohorts().passive()).isEqualTo(Figure.shown(percent(5, 30), 30,
                Figure.Source.TELEMETRY));
    }

    @Test
    void peopleWhoUsedItInTheFourWeeksBeforeTheLastTwoAndNotSinceTriedAndStopped() {
        assertThat(score("shown").cohorts().triedAndStopped()).isEqualTo(Figure.shown(percent(5, 30), 30,
                Figure.Source.TELEMETRY));
    }

    @Test
    void aSmallCohortIsHiddenWithTheSmallestOtherActiveCohort() {
        Cohorts c = score("small-light").cohorts();

        assertThat(c.light().state()).isEqualTo(Figure.State.SUPPRESSED);
        assertThat(c.moderate().state()).isEqualTo(Figure.State.SUPPRESSED);
        assertThat(c.none()).isEqualTo(Figure.shown(percent(5, 20), 20, Figure.Source.TELEMETRY));
        assertThat(c.heavy()).isEqualTo(Figure.shown(percent(7, 20), 20, Figure.Source.TELEMETRY));
        assertThat(c.light().value()).isNull();
    }

    @Test
    void noHiddenCohortCanBeRecoveredFromTheShownOnesTheTotalAndWeeklyActiveUse() {
        WorkflowScore w = score("small-light");
        Cohorts c = w.cohorts();
        int n = c.none().n();
        // What a reader knows: the group's size, every shown share, and the active count WAU gives.
        int active = (int) Math.round(w.wauPercent().value() * w.teamSize().value() / 100);
        int shownActive = IntStream.of(1, 2, 3).filter(i -> groups(c).get(i).isShown())
                .map(i -> (int) Math.round(groups(c).get(i).value() * n / 100)).sum();
        List<Integer> hidden = IntStream.range(0, 4).filter(i -> !groups(c).get(i).isShown()).boxed().toList();

        assertThat(active).isEqualTo(15);
        // The 8 left over are spread over two hidden cohorts, each of which could hold any part of them.
        assertThat(active - shownActive).isEqualTo(8);
        assertThat(hidden).containsExactly(1, 2);
    }

    @Test
    void aSmallNoneHidesEveryCohortSinceWeeklyActiveUseAndTheSizeWouldGiveItAway() {
        assertThat(groups(score("small-none").cohorts())).allMatch(f -> f.state() == Figure.State.SUPPRESSED);
    }

    @Test
    void withoutTelemetrySelfReportsSplitThePeopleWhoReported() {
        Cohorts c = score("self").cohorts();

        Figure.Source s = Figure.Source.SELF_REPORT;
        assertThat(groups(c)).containsExactly(Figure.shown(percent(5, 15), 15, s),
                Figure.shown(percent(5, 15), 15, s), Figure.shown(0, 15, s), Figure.shown(percent(5, 15), 15, s));
        assertThat(c.passive()).isEqualTo(Figure.noData(s));
    }

    @Test
    void selfReportedStoppingIsUseReportedBeforeAndOnlyNeverSince() {
        assertThat(score("self").cohorts().triedAndStopped()).isEqualTo(Figure.shown(percent(5, 15), 15,
                Figure.Source.SELF_REPORT));
    }

    @Test
    void telemetryThatBeganWithinTheSixWeeksGivesNoTriedAndStopped() {
        assertThat(score("small-light").cohorts().triedAndStopped())
                .isEqualTo(Figure.noData(Figure.Source.TELEMETRY));
    }

    @Test
    void aSourceThatNeverCountsADayZeroSaysNothingAboutPassiveUse() {
        assertThat(score("small-light").cohorts().passive()).isEqualTo(Figure.noData(Figure.Source.TELEMETRY));
    }

    static final ToolSeats TOOL = new ToolSeats("github-copilot", 20, new BigDecimal("19"), "USD",
            ToolSeats.Per.MONTH);

    @Test
    void aToolCountsEachPersonOnceAcrossItsWorkflowsAndOnlyWhileInTheWorkflowsAudience() throws SQLException {
        ToolReads.ToolFacts facts = ToolReads.read(connection, List.of("tool-a", "tool-b"), WEEK);

        // Week: q0–q5 and q4–q9 = q0–q9; q11 used tool-a outside its audience. Last 4 weeks: also q6, q7, q10.
        assertThat(facts.activeWeek()).isEqualTo(10);
        assertThat(facts.activeFour()).isEqualTo(11);
        assertThat(facts.firstTelemetry()).isEqualTo(WEEK.minusWeeks(4));
    }

    @Test
    void costPerActiveUserIsTheWeeksSeatPriceOverTheToolsActivePeople() throws SQLException {
        SeatCost cost = new ScoreCost(new Anonymity(MetricsSettings.defaults()))
                .score(TOOL, ToolReads.read(connection, List.of("tool-a", "tool-b"), WEEK), WEEK);

        // 20 seats × 19 a month × 12 months ÷ 52.1775 weeks, shared by 10 people.
        double weekly = 20 * 19 * 12 / 52.1775;
        assertThat(cost.costPerActiveUser()).isEqualTo(Figure.shown(Math.round(weekly / 10 * 100) / 100.0, 10,
                Figure.Source.TELEMETRY));
        assertThat(cost.weeklyCost()).isEqualByComparingTo(BigDecimal.valueOf(Math.round(weekly * 100) / 100.0));
        assertThat(cost.idleSeats()).isEqualTo(Figure.shown(20 - 11, 11, Figure.Source.TELEMETRY));
        assertThat(cost.currency()).isEqualTo("USD");
    }

    @Test
    void costAndIdleSeatsHideSmallGroupsOfPeople() {
        ScoreCost score = new ScoreCost(new Anonymity(MetricsSettings.defaults()));
        LocalDate began = WEEK.minusWeeks(8);

        SeatCost fewActive = score.score(TOOL, new ToolReads.ToolFacts(4, 4, began), WEEK);
        SeatCost fewIdle = score.score(new ToolSeats("github-copilot", 13, BigDecimal.TEN, "EUR",
                ToolSeats.Per.MONTH), new ToolReads.ToolFacts(9, 11, began), WEEK);
        SeatCost nobody = score.score(TOOL, new ToolReads.ToolFacts(0, 0, began), WEEK);

        assertThat(fewActive.costPerActiveUser()).isEqualTo(Figure.suppressed(Figure.Source.TELEMETRY));
        assertThat(fewActive.idleSeats()).isEqualTo(Figure.suppressed(Figure.Source.TELEMETRY));
        assertThat(fewIdle.costPerActiveUser().isShown()).isTrue();
        assertThat(fewIdle.idleSeats()).isEqualTo(Figure.suppressed(Figure.Source.TELEMETRY));
        assertThat(nobody.costPerActiveUser()).isEqualTo(Figure.noData(Figure.Source.TELEMETRY));
        assertThat(nobody.idleSeats()).isEqualTo(Figure.shown(20, 0, Figure.Source.TELEMETRY));
    }

    @Test
    void idleSeatsAreNeverNegativeAndWantFourWeeksOfTelemetry() {
        ScoreCost score = new ScoreCost(new Anonymity(MetricsSettings.defaults()));

        SeatCost crowded = score.score(TOOL, new ToolReads.ToolFacts(25, 30, WEEK.minusWeeks(8)), WEEK);
        SeatCost recent = score.score(TOOL, new ToolReads.ToolFacts(6, 6, WEEK.minusWeeks(2)), WEEK);

        assertThat(crowded.idleSeats()).isEqualTo(Figure.shown(0, 30, Figure.Source.TELEMETRY));
        assertThat(recent.idleSeats()).isEqualTo(Figure.noData(Figure.Source.TELEMETRY));
        assertThat(recent.costPerActiveUser().isShown()).isTrue();
    }
}
