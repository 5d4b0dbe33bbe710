package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow's outcome check-ins as its owner logged them, oldest first, for the people who may see the workflow
 * (its owner, its sponsor, an admin): the dashboard shows each with its evidence and note, which the scorecard's
 * read model leaves out.
 */
@Singleton
public class CheckinLog {

    /**
     * One check-in.
     *
     * @param period      the check-in period it was logged for ({@code 2026-Q4}, or {@code 2026-11} monthly)
     * @param evidenceUrl the link the owner gave as evidence, null without one
     * @param note        the owner's note, null without one (or once the owner had their data erased)
     */
    public record Entry(String period, BigDecimal value, String status, int confidence, @Nullable String evidenceUrl,
                        @Nullable String note, Instant submittedAt) {
    }

    private final CheckinRepositories.Cycles cycles;
    private final CheckinRepositories.Checkins checkins;

    CheckinLog(CheckinRepositories.Cycles cycles, CheckinRepositories.Checkins checkins) {
        this.cycles = cycles;
        this.checkins = checkins;
    }

    @ReadOnly
    public List<Entry> of(String workflowId) {
        Map<Long, String> periods = new HashMap<>();
        for (CheckinCycleRow cycle : cycles.findByWorkflowIdOrderByOpenedAt(workflowId)) {
            periods.put(cycle.id(), cycle.period());
        }
        return checkins.findAllOfWorkflow(workflowId).stream()
                .map(c -> new Entry(periods.getOrDefault(c.cycleId(), "?"), c.value(), c.status(), c.confidence(),
                        c.evidenceUrl(), c.note(), c.submittedAt()))
                .toList();
    }
}
