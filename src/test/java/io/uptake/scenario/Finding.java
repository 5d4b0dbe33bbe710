package io.uptake.scenario;

/**
 * One place where an output disagreed with the oracle (or a message went missing or twice).
 *
 * @param output   where it was seen: {@code api}, {@code csv}, {@code history-csv}, {@code slack-digest},
 *                 {@code teams-digest}, {@code slack-status}, {@code teams-status}, {@code messages}, {@code telemetry}
 * @param figure   the figure or check, e.g. {@code wau}, {@code trustChange}, {@code listed}
 */
record Finding(long seed, int week, String output, String workflowId, String figure, String expected,
               String actual) {

    @Override
    public String toString() {
        return "seed " + seed + ", week " + week + " (" + ScenarioRun.isoWeek(week) + "), " + output + ", "
                + workflowId + "." + figure + ": expected " + expected + " but was " + actual;
    }
}
