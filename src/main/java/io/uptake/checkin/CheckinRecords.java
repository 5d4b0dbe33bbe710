package io.uptake.checkin;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Reads of stored check-ins for other features (scorecards, the API) and for tests. */
@Singleton
public class CheckinRecords {

    private final CheckinRepositories.Cycles cycles;
    private final CheckinRepositories.Checkins checkins;

    CheckinRecords(CheckinRepositories.Cycles cycles, CheckinRepositories.Checkins checkins) {
        this.cycles = cycles;
        this.checkins = checkins;
    }

    /** The latest check-in logged for a workflow, in any period. */
    @ReadOnly
    public Optional<CheckinRow> latest(String workflowId) {
        return checkins.findLatestOfWorkflow(workflowId);
    }

    @ReadOnly
    public Optional<CheckinCycleRow> cycle(String workflowId, String period) {
        return cycles.findByWorkflowIdAndPeriod(workflowId, period);
    }
}
