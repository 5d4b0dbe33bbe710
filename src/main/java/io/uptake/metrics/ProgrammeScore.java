package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A programme's verdict for one week with its workflows.
 *
 * @param pilotToProductionPercent workflows that reached production ÷ workflows that were ever pilots
 */
@Serdeable
public record ProgrammeScore(String programmeId, String name, @Nullable String sponsorEmail,
                             Verdict verdict, List<String> reasons, Figure pilotToProductionPercent,
                             List<WorkflowScore> workflows) {

    public ProgrammeScore {
        reasons = List.copyOf(reasons);
        workflows = List.copyOf(workflows);
    }
}
