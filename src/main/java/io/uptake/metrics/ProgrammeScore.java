package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A programme's verdict for one week with its workflows.
 *
 * @param pilotToProductionPercent workflows that reached production ÷ workflows that were ever pilots
 * @param stakeholders             the stakeholder pulse of the quarter, thresholded
 * @param ownerEmail               the programme's accountable owner; null when the programmes file names none
 * @param outcome                  the programme's own commercial outcome and its progress; null when it has none
 * @param flags                    what leaders should look at about the programme itself (no owner, no outcome,
 *                                 "18 months in and no outcome", a missed programme check-in)
 */
@Serdeable
public record ProgrammeScore(String programmeId, String name, @Nullable String sponsorEmail,
                             Verdict verdict, List<String> reasons, Figure pilotToProductionPercent,
                             List<WorkflowScore> workflows, StakeholderPulse stakeholders,
                             @Nullable String ownerEmail, @Nullable OutcomeProgress outcome, List<String> flags) {

    public ProgrammeScore {
        reasons = List.copyOf(reasons);
        workflows = List.copyOf(workflows);
        flags = List.copyOf(flags);
    }

    /** A programme scored without its own owner, outcome or flags. */
    public ProgrammeScore(String programmeId, String name, @Nullable String sponsorEmail,
                          Verdict verdict, List<String> reasons, Figure pilotToProductionPercent,
                          List<WorkflowScore> workflows, StakeholderPulse stakeholders) {
        this(programmeId, name, sponsorEmail, verdict, reasons, pilotToProductionPercent, workflows, stakeholders,
                null, null, List.of());
    }

    /** A programme scored without a stakeholder pulse. */
    public ProgrammeScore(String programmeId, String name, @Nullable String sponsorEmail, Verdict verdict,
                          List<String> reasons, Figure pilotToProductionPercent, List<WorkflowScore> workflows) {
        this(programmeId, name, sponsorEmail, verdict, reasons, pilotToProductionPercent, workflows,
                StakeholderPulse.none());
    }

    /** The same programme with other reasons and workflows, its stakeholder pulse kept. */
    public ProgrammeScore with(List<String> newReasons, List<WorkflowScore> newWorkflows) {
        return new ProgrammeScore(programmeId, name, sponsorEmail, verdict, newReasons, pilotToProductionPercent,
                newWorkflows, stakeholders, ownerEmail, outcome, flags);
    }

    /** The same programme with its stakeholder pulse. */
    public ProgrammeScore withStakeholders(StakeholderPulse pulse) {
        return new ProgrammeScore(programmeId, name, sponsorEmail, verdict, reasons, pilotToProductionPercent,
                workflows, pulse, ownerEmail, outcome, flags);
    }

    /**
     * The same programme judged with its own owner and outcome: {@code newVerdict} and {@code newReasons} replace
     * the verdict and reasons (the ownership reason goes first), {@code newFlags} the flags.
     */
    public ProgrammeScore withOwnership(@Nullable String owner, @Nullable OutcomeProgress progress,
                                        Verdict newVerdict, List<String> newReasons, List<String> newFlags) {
        return new ProgrammeScore(programmeId, name, sponsorEmail, newVerdict, newReasons, pilotToProductionPercent,
                workflows, stakeholders, owner, progress, newFlags);
    }
}
