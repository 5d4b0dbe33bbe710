package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rounds an admin sent by hand ("send now", period {@code manual-2026-11-10T10:05Z}) count in the week they were
 * sent, like scheduled ones. Only manual rounds are seeded, so every pulse figure below comes from them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardManualRoundsTest {

    static final LocalDate WEEK = LocalDate.parse("2026-11-09");

    @Inject
    DataSource dataSource;

    @Inject
    ComputeScorecard compute;

    WorkflowScore score;

    @BeforeAll
    void seed() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            seed(c);
        }
        score = compute.forWeek(WEEK, List.of()).programmes().get(0).workflows().get(0);
    }

    /**
     * Team of 10, six asked. W46: sent Tuesday 10:05 UTC, 5 of 6 answered, trust 4,4,5,5,5 (index 90). W45: trust
     * 3 × 5 (index 50). A round sent the Monday after W46 must not count in W46.
     */
    static void seed(Connection c) throws SQLException {
        History h = History.on(c);
        h.programme("ops", "Operations");
        h.workflow("ops-flow", "ops", "Ops flow", "pilot", LocalDate.parse("2026-10-01"), 10, BigDecimal.TEN);
        long[] people = new long[6];
        for (int i = 0; i < people.length; i++) {
            people[i] = h.person("o" + i + "@example.com");
        }
        h.audience("ops-flow", people);
        h.pulse("ops-now", "ops-flow", "confidential");
        LocalDate tuesday = WEEK.plusDays(1);
        long w46 = h.manualRound("ops-now", Instant.parse("2026-11-10T10:05:00Z"), "confidential");
        int[] trust = {4, 4, 5, 5, 5};
        for (int p = 0; p < people.length; p++) {
            h.delivery(w46, people[p], tuesday, p < 5);
            if (p < 5) {
                h.answer(w46, people[p], "trust", trust[p], null, tuesday);
            }
        }
        long w45 = h.manualRound("ops-now", Instant.parse("2026-11-03T16:40:00Z"), "confidential");
        for (int p = 0; p < 5; p++) {
            h.answer(w45, people[p], "trust", 3, null, tuesday.minusWeeks(1));
        }
        long after = h.manualRound("ops-now", Instant.parse("2026-11-16T08:00:00Z"), "confidential");
        for (int p = 0; p < people.length; p++) {
            h.delivery(after, people[p], WEEK.plusWeeks(1), false);
            h.answer(after, people[p], "trust", 1, null, WEEK.plusWeeks(1));
        }
    }

    @Test
    void trustIndexCountsTheManualRoundOfTheWeek() {
        assertThat(score.trustIndex()).isEqualTo(Figure.shown(90.0, 5, Figure.Source.PULSE));
    }

    @Test
    void responseRateCountsTheManualRoundsDeliveries() {
        assertThat(score.responsePercent()).isEqualTo(Figure.shown(83.3, 6, Figure.Source.PULSE));
    }

    @Test
    void manualRoundsOfEarlierWeeksLandInTheirOwnWeekOfTheHistory() {
        assertThat(score.history().get(10).trustIndex()).isEqualTo(Figure.shown(50.0, 5, Figure.Source.PULSE));
        assertThat(score.trustChange()).isEqualTo(Figure.shown(40.0, 10, Figure.Source.PULSE));
    }
}
