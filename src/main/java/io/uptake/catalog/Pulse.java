package io.uptake.catalog;

import java.time.Duration;
import java.util.List;

/**
 * A recurring short survey about one workflow.
 *
 * @param questions the questions as a round asks them: a listed question's follow-up (the optional comment after
 *                  {@code blockers}) comes right after it
 * @param reminders the most reminders a non-responder gets in one round
 */
public record Pulse(String id, String workflowId, Schedule schedule, List<Question> questions, Mode mode,
                    Duration remindAfter, int reminders, Duration closeAfter) {

    public Pulse {
        questions = List.copyOf(Question.asAsked(questions));
    }

    /** Whether answers are linked to the person who gave them. */
    public enum Mode {
        CONFIDENTIAL, ANONYMOUS
    }
}
