package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The weeks in which a quarter's outcome check-in is logged follow the calendar of the year the scenario plays. */
class CheckinWeeksTest {

    @Test
    void theSuitesYearLogsInTheSecondWeekOfEachQuarterAsItAlwaysDid() {
        assertThat(Timeline.checkinWeeks(LocalDate.parse("2026-01-05"), Scenario.WEEKS)).containsExactly(1, 13, 26, 39);
    }

    @Test
    void aYearStartingInDecemberLogsInEveryQuarterItTouches() {
        // Q4 2025 (the first week after the start), then 2026's quarters: Jan 1, Apr 1, Jul 1 and Oct 1 fall in
        // weeks 4, 17, 30 and 43, so their second weeks are 5, 18, 31 and 44.
        assertThat(Timeline.checkinWeeks(LocalDate.parse("2025-12-01"), Scenario.WEEKS))
                .containsExactly(1, 5, 18, 31, 44);
    }

    @Test
    void aShiftedScenarioHasTheSamePeopleAndAYearEndingWhereAsked() {
        Scenario suite = Scenario.generate(7, Size.CI);
        Scenario shifted = Scenario.generate(7, Size.CI, LocalDate.parse("2025-12-01"));
        assertThat(shifted.people()).isEqualTo(suite.people());
        assertThat(shifted.timeline().get(Scenario.WEEKS - 1).monday()).isEqualTo(LocalDate.parse("2026-11-23"));
        // three workflows' check-ins and the Claims AI programme owner's
        assertThat(shifted.timeline().get(44).events(ScenarioEvent.CheckedIn.class)).extracting(
                ScenarioEvent.CheckedIn::workflowId).hasSize(4).contains("programme:claims-ai");
        assertThat(shifted.timeline().get(5).events(ScenarioEvent.CheckedIn.class)).extracting(
                ScenarioEvent.CheckedIn::workflowId).doesNotContain("programme:claims-ai");
        assertThat(shifted.timeline().get(18).events(ScenarioEvent.CheckedIn.class)).extracting(
                ScenarioEvent.CheckedIn::workflowId).doesNotContain("claims-triage");
    }
}
