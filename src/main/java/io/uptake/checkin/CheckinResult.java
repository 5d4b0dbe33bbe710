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

    /** The workflow declares no outcome, so there is nothing to check in. */
    record NoOutcome(String workflowName) implements CheckinResult {
    }

    /** No active workflow has this id. */
    record UnknownWorkflow(String workflowId) implements CheckinResult {
    }
}
