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
 * Stage and days in stage of a workflow that went pilot (1 March) → production (1 May) → back to pilot (1 July),
 * and of one that then went to production again (1 September).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardStageHistoryTest {

    @Inject
    DataSource dataSource;

    @Inject
    ComputeScorecard compute;

    @BeforeAll
    void seed() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            History h = History.on(c);
            h.programme("ops", "Operations");
            h.workflow("back", "ops", "Back to pilot", "pilot", LocalDate.parse("2026-07-01"), 10, null);
            h.stage("back", "pilot", LocalDate.parse("2026-03-01"));
            h.stage("back", "production", LocalDate.parse("2026-05-01"));
            h.workflow("again", "ops", "Production again", "production", LocalDate.parse("2026-09-01"), 10, null);
            h.stage("again", "pilot", LocalDate.parse("2026-03-01"));
            h.stage("again", "production", LocalDate.parse("2026-05-01"));
            h.stage("again", "pilot", LocalDate.parse("2026-07-01"));
            h.stage("again", "production", LocalDate.parse("2026-09-01"));
        }
    }

    WorkflowScore scoreOf(String monday) {
        return scoreOf(monday, "back");
    }

    WorkflowScore scoreOf(String monday, String workflow) {
        return compute.forWeek(LocalDate.parse(monday), List.of()).programmes().get(0).workflows().stream()
                .filter(w -> w.workflowId().equals(workflow)).findFirst().orElseThrow();
    }

    @Test
    void aSecondSpellInAStageIsScoredFromItsOwnStart() {
        WorkflowScore august = scoreOf("2026-08-03", "again"); // ends Sunday 9 August, in the second pilot
        assertThat(august.stage()).isEqualTo("pilot");
        assertThat(august.daysInStage()).isEqualTo(39);
        WorkflowScore november = scoreOf("2026-11-09", "again"); // in the second production spell
        assertThat(november.stage()).isEqualTo("production");
        assertThat(november.daysInStage()).isEqualTo(75);
    }

    @Test
    void pilotToProductionCountsAWorkflowOnceFromItsFirstDays() {
        // Both workflows were first in pilot on 1 March and first in production on 1 May.
        assertThat(compute.forWeek(LocalDate.parse("2026-11-09"), List.of()).programmes().get(0)
                .pilotToProductionPercent().value()).isEqualTo(100.0);
    }

    @Test
    void theCurrentWeekCountsFromTheReturnToPilot() {
        WorkflowScore w = scoreOf("2026-11-09"); // ends Sunday 15 November
        assertThat(w.stage()).isEqualTo("pilot");
        assertThat(w.daysInStage()).isEqualTo(137);
    }

    @Test
    void aWeekInProductionShowsProduction() {
        WorkflowScore w = scoreOf("2026-06-01"); // ends Sunday 7 June
        assertThat(w.stage()).isEqualTo("production");
        assertThat(w.daysInStage()).isEqualTo(37);
    }

    @Test
    void aWeekOfTheFirstPilotCountsFromItsStart() {
        WorkflowScore w = scoreOf("2026-03-30"); // ends Sunday 5 April
        assertThat(w.stage()).isEqualTo("pilot");
        assertThat(w.daysInStage()).isEqualTo(35);
    }
}
