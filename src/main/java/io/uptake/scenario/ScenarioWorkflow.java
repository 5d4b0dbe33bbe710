package io.uptake.scenario;

import java.util.List;
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
 * @param waves           its rollout waves, first wave first, each with an audience of its own (then {@code kind}
 *                        and {@code audienceRef} are the first wave's); empty for a single audience
 */
public record ScenarioWorkflow(String id, String programmeId, String name, AudienceKind kind, String audienceRef,
                               OptionalInt targetTeamSize, String ownerEmail, int addedWeek,
                               OptionalInt retiredWeek, OptionalInt productionWeek, boolean telemetry,
                               OptionalInt cycleTimeBaseline, Optional<Outcome> outcome,
                               Optional<String> usageSource, List<ScenarioWave> waves) {

    public ScenarioWorkflow {
        waves = List.copyOf(waves);
    }

    /** A workflow with a single audience. */
    public ScenarioWorkflow(String id, String programmeId, String name, AudienceKind kind, String audienceRef,
                            OptionalInt targetTeamSize, String ownerEmail, int addedWeek, OptionalInt retiredWeek,
                            OptionalInt productionWeek, boolean telemetry, OptionalInt cycleTimeBaseline,
                            Optional<Outcome> outcome, Optional<String> usageSource) {
        this(id, programmeId, name, kind, audienceRef, targetTeamSize, ownerEmail, addedWeek, retiredWeek,
                productionWeek, telemetry, cycleTimeBaseline, outcome, usageSource, List.of());
    }

    /** An outcome: baseline and target of a metric that should move up. */
    public record Outcome(String metric, int baseline, int target, String by) {
    }

    /** Whether the programmes file of that week declares it. */
    public boolean declaredIn(int week) {
        return week >= addedWeek && (retiredWeek.isEmpty() || week < retiredWeek.getAsInt());
    }

    /** Whether it rolls out in waves. */
    public boolean waved() {
        return !waves.isEmpty();
    }

    /** The kind of audience a membership of it is in: its wave's, or its single audience's. */
    public AudienceKind kindOf(Membership m) {
        return waved() ? waves.get(m.wave() - 1).kind() : kind;
    }

    /** The channel, user group or team a membership of it is in. */
    public String refOf(Membership m) {
        return waved() ? waves.get(m.wave() - 1).audienceRef() : audienceRef;
    }

    /** Whether a membership of it counts in that week: always for a single audience, from its wave's go-live on. */
    public boolean liveIn(Membership m, int week) {
        return !waved() || waves.get(m.wave() - 1).liveIn(week);
    }
}
