package io.uptake.scenario;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * A weekly pulse of one workflow.
 *
 * <p>The file declares a weekly schedule; the scenario fires each pulse every fourth week, at its own offset, as
 * if the other firings were missed: a round opens every week, and a year sends a quarter of the messages.
 *
 * @param zone   {@code recipient} or an IANA zone
 * @param offset the week, modulo 4, of its rounds
 */
public record ScenarioPulse(String id, String workflowId, boolean anonymous, List<String> questions, DayOfWeek day,
                            LocalTime at, String zone, int offset) {

    public ScenarioPulse {
        questions = List.copyOf(questions);
    }

    /** Whether a round of this pulse opens in that week. */
    public boolean runsIn(int week) {
        return week % 4 == offset;
    }
}
