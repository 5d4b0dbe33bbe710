package io.uptake.checkin;

import io.micronaut.serde.annotation.Serdeable;

/** What became of posted outcome values: all were stored, or none. */
public sealed interface OutcomeValuesResult {

    /** No workflow has this id. */
    record UnknownWorkflow(String workflowId) implements OutcomeValuesResult {
    }

    /** The workflow declares no outcome in the programmes file, so there is nothing to measure. */
    record NoOutcome(String workflowId) implements OutcomeValuesResult {
    }

    /** A value could not be taken; nothing was stored. {@code message} names the row and the field. */
    record Refused(String message) implements OutcomeValuesResult {
    }

    /**
     * Every value was stored.
     *
     * @param stored   the values stored, new and replaced
     * @param replaced of those, the days that had a value before, now replaced
     * @param sponsorTold whether this post made the claimed-vs-measured gap first flagged and the sponsor was told
     */
    @Serdeable
    record Stored(String workflowId, int stored, int replaced, boolean sponsorTold) implements OutcomeValuesResult {
    }
}
