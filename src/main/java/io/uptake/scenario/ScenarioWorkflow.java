package io.uptake.scenario;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One generated workflow and how it behaves over the year.
 *
 * @param audienceRef     channel, user group or team id; unused for {@link AudienceKind#EMAILS}
 * @param targetTeamSize  written to the file when present; otherwise the product uses its default
 * @param addedWeek       the week whose Monday reload first declares it (0 = in the first file)
 * @param retiredWeek     the week whose Monday reload drops it from the file, if any
 * @param productionWeek  the week whose Monday reload declares it {@code production}, if any
 * @param telemetry       whether an AI tool's export reports its use (otherwise only self-reports do)
 * @param cycleTimeBaseline baseline minutes of its task, if it has one
 * @param outcome         its outcome, if it has one
 * @param usageSource     the AI tool its telemetry is pulled from ({@code github-copilot}), declared as its
 *                        {@code usage} in the programmes file; empty when its telemetry arrives as files
 */
public record ScenarioWorkflow(String id, String programmeId, String name, AudienceKind kind, String audienceRef,
                               OptionalInt targetTeamSize, String ownerEmail, int addedWeek,
                               OptionalInt retiredWeek, OptionalInt productionWeek, boolean telemetry,
                               OptionalInt cycleTimeBaseline, Optional<Outcome> outcome,
                               Optional<String> usageSource) {

    /** An outcome: baseline and target of a metric that should move up. */
    public record Outcome(String metric, int baseline, int target, String by) {
    }

    /** Whether the programmes file of that week declares it. */
    public boolean declaredIn(int week) {
        return week >= addedWeek && (retiredWeek.isEmpty() || week < retiredWeek.getAsInt());
    }
}
