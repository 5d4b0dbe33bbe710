package io.uptake.catalog;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The unit of change: one redesigned way of working with one accountable owner.
 *
 * @param stageSince the date the workflow entered its stage, when the file gives one
 * @param targetTeamSize the file's {@code target-team-size}, 0 when it gives none (an {@code emails:} list is then
 *                   as large as the people it names in each week, which the scorecard counts week by week)
 * @param play       link to the documented standard way of working, when given
 * @param outcome    the commercial outcome the owner answers for, when given
 * @param cycleTime  the cycle-time baseline of the targeted task, when given
 * @param usage      the AI tool its use is pulled from, when given; without one, use comes from the telemetry files
 *                   an admin posts and from pulse answers
 * @param waves      the rollout waves, first wave first; a workflow with a single {@code audience} has one wave,
 *                   number 1, live with the workflow. {@code audience} and {@code targetTeamSize} are wave 1's.
 */
public record Workflow(String id, String programmeId, String name, Stage stage, Optional<LocalDate> stageSince,
                       String ownerEmail, Audience audience, int targetTeamSize, Optional<URI> play,
                       Optional<Outcome> outcome, Optional<CycleTime> cycleTime, Optional<UsageSpec> usage,
                       List<Wave> waves) {

    public Workflow {
        waves = waves == null || waves.isEmpty() ? List.of(new Wave(1, audience, Optional.empty(), targetTeamSize))
                : List.copyOf(waves);
        audience = waves.get(0).audience();
        targetTeamSize = waves.get(0).targetTeamSize();
    }

    /** A workflow with a single audience: one wave, live with the workflow. */
    public Workflow(String id, String programmeId, String name, Stage stage, Optional<LocalDate> stageSince,
                    String ownerEmail, Audience audience, int targetTeamSize, Optional<URI> play,
                    Optional<Outcome> outcome, Optional<CycleTime> cycleTime, Optional<UsageSpec> usage) {
        this(id, programmeId, name, stage, stageSince, ownerEmail, audience, targetTeamSize, play, outcome, cycleTime,
                usage, List.of());
    }

    /** A workflow whose use is not pulled from a tool. */
    public Workflow(String id, String programmeId, String name, Stage stage, Optional<LocalDate> stageSince,
                    String ownerEmail, Audience audience, int targetTeamSize, Optional<URI> play,
                    Optional<Outcome> outcome, Optional<CycleTime> cycleTime) {
        this(id, programmeId, name, stage, stageSince, ownerEmail, audience, targetTeamSize, play, outcome, cycleTime,
                Optional.empty());
    }
}
