package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A programme's verdict for one week with its workflows.
 *
 * @param pilotToProductionPercent workflows that reached production ÷ workflows that were ever pilots
 * @param stakeholders             the stakeholder pulse of the quarter, thresholded
 */
@Serdeable
public record ProgrammeScore(String programmeId, String name, @Nullable String sponsorEmail,
                             Verdict verdict, List<String> reasons, Figure pilotToProductionPercent,
                             List<WorkflowScore> workflows, StakeholderPulse stakeholders) {

    public ProgrammeScore {
        reasons = List.copyOf(reasons);
        workflows = List.copyOf(workflows);
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
                newWorkflows, stakeholders);
    }

    /** The same programme with its stakeholder pulse. */
    public ProgrammeScore withStakeholders(StakeholderPulse pulse) {
        return new ProgrammeScore(programmeId, name, sponsorEmail, verdict, reasons, pilotToProductionPercent,
                workflows, pulse);
    }
}
