package io.uptake.checkin;

import io.uptake.message.CheckinSaved;
import java.util.Map;

/** What happened to a submitted check-in. */
public sealed interface CheckinResult {

    /** Stored; {@code confirmation} says what was logged. */
    record Saved(long checkinId, CheckinSaved confirmation) implements CheckinResult {
    }

    /** Someone other than the owner tried; nothing stored. */
    record NotOwner(String owner, String workflowName) implements CheckinResult {
    }

    /** Field errors by field name ({@link CheckinCommand#VALUE} ...); nothing stored. */
    record Invalid(Map<String, String> errors) implements CheckinResult {

        public Invalid {
            errors = Map.copyOf(errors);
        }
    }

    /**
     * The value is far outside the outcome's baseline and target (a slip such as a misplaced decimal mark looks
     * like this): nothing stored until the person confirms {@code value}, as {@link CheckinCommand#confirmed()}.
     */
    record ConfirmValue(String value, String unit, String baseline, String target) implements CheckinResult {

        /** The question the form asks next to the value. */
        public String question() {
            return value + " " + unit + " is far from this outcome's baseline (" + baseline + ") and target ("
                    + target + "). Is it right? Tick \"" + answer() + "\" to save it, or correct the value.";
        }

        /** The words of the box that confirms it. */
        public String answer() {
            return "Yes, " + value + " " + unit + " is right";
        }
    }

    /** The workflow declares no outcome, so there is nothing to check in. */
    record NoOutcome(String workflowName) implements CheckinResult {
    }

    /** No active workflow has this id. */
    record UnknownWorkflow(String workflowId) implements CheckinResult {
    }
}
