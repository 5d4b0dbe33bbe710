package io.uptake.scenario;

import java.util.List;

/** Every figure the oracle expects for one workflow in one week. */
record Expected(String workflowId, int week, int targetTeamSize, Fig wau, Fig wauPrevious, Fig habit, Fig trust,
                Fig trustChange, List<Fig> trustDistribution, Fig correction, Fig response, Fig cycleMedian,
                Fig cycleDelta) {
}
