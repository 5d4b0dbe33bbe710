package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Warns a pilot's owner, once per pilot spell from its day 60, that its figures call for a decision, and asks them
 * to scale, fix or stop it: each button stands for the typed command {@code decide <workflow> <choice>}.
 *
 * @param workflowId the workflow's id, as the command names it
 * @param workflow   its name
 * @param day        the day of the pilot the warning went out on
 * @param reasons    each in plain words with its numbers, e.g. "trust fell 18 points to 52 (n = 12)"
 */
@Serdeable
public record EarlyWarning(String workflowId, String workflow, int day, List<String> reasons) implements ChatMessage {

    public static final String KIND = "early_warning";
    /** The choices, in the order the buttons show them. */
    public static final List<String> CHOICES = List.of("scale", "fix", "stop");
    /** The command a button sends, before the workflow id and the choice. */
    public static final String COMMAND = "decide";

    public EarlyWarning {
        reasons = List.copyOf(reasons);
    }

    /** The typed command that records a choice, e.g. {@code decide claims-triage fix}. */
    public static String command(String workflowId, String choice) {
        return COMMAND + " " + workflowId + " " + choice;
    }

    /** The question under the reasons. */
    public String question() {
        return "Day " + day + " of the pilot: scale it to more teams, fix what is in the way, or stop it?";
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return "Early warning on " + workflow + ": " + String.join("; ", reasons) + ". " + question() + " Reply `"
                + command(workflowId, "scale|fix|stop") + "`.";
    }
}
