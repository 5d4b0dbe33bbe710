package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * People who left a workflow's audience count towards its weekly use for the weeks they were members, not after,
 * and not towards its habit. A team of 10 (target team size 10) that all stay but four: people 0–3 use the tool
 * every week of the window, people 4–5 only in its last two weeks; people 6–9 use it every week too, but 6 and 7
 * left during week 10 of 12 (on its Wednesday) and 8 and 9 before the window began.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardLeaversTest {

    static final LocalDate WEEK = LocalDate.parse("2026-11-09");
    static final LocalDate FIRST = WEEK.minusWeeks(11);

    @Inject
    DataSource dataSource;
    @Inject
    ComputeScorecard compute;

    @BeforeAll
    void seed() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            seed(c);
        }
    }

    /** The team above, in the database behind {@code c}. */
    static void seed(Connection c) throws SQLException {
        History h = History.on(c);
        h.programme("leavers", "Leavers");
        h.workflow("team-flow", "leavers", "Team flow", "pilot", LocalDate.parse("2026-06-01"), 10, null);
        long[] team = new long[10];
        for (int i = 0; i < team.length; i++) {
            team[i] = h.person("leaver-test-" + i + "@example.com");
        }
        long audience = h.audience("team-flow", team);
        for (int i = 0; i < team.length; i++) {
            long person = team[i];
            for (int week = i == 4 || i == 5 ? 10 : 0; week < 12; week++) {
                h.usage("team-flow", person, FIRST.plusWeeks(week), 1, "telemetry");
            }
        }
        for (int i = 6; i < 8; i++) {
            h.left(audience, team[i], FIRST.plusWeeks(9).plusDays(2).atTime(15, 0).toInstant(ZoneOffset.UTC));
        }
        for (int i = 8; i < 10; i++) {
            h.left(audience, team[i], FIRST.minusWeeks(3).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }

    private WorkflowScore score(LocalDate week) {
        return score(compute, week);
    }

    static WorkflowScore score(ComputeScorecard compute, LocalDate week) {
        return compute.forWeek(week, List.of()).programmes().stream().filter(p -> p.programmeId().equals("leavers"))
                .findFirst().orElseThrow().workflows().get(0);
    }

    @Test
    void leaversCountForTheWeeksTheyWereMembers() {
        // People 0-3, and 6-7 who left during this week; not 8-9, who left before it.
        assertThat(score(FIRST.plusWeeks(9)).wauPercent().value()).as("the week they left in").isEqualTo(60.0);
        assertThat(score(FIRST.plusWeeks(8)).wauPercent().value()).as("a week before").isEqualTo(60.0);
    }

    @Test
    void leaversDoNotCountAfterTheyLeft() {
        // People 0-5 only.
        assertThat(score(WEEK).wauPercent().value()).isEqualTo(60.0);
        assertThat(score(WEEK).wauPercentPrevious().value()).isEqualTo(60.0);
    }

    @Test
    void theHabitCountsOnlyPeopleStillInTheAudience() {
        // Four of the six people still in the audience used it in at least nine of the twelve weeks.
        assertThat(score(WEEK).habitPercent().value()).isCloseTo(66.7, org.assertj.core.data.Offset.offset(0.1));
    }
}
