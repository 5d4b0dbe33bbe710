package io.uptake.nudge;

import io.uptake.catalog.Catalog;
import io.uptake.catalog.CatalogState;
import io.uptake.catalog.CheckinLookup;
import io.uptake.catalog.Workflow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.metrics.DriftSettings;
import io.uptake.metrics.IsoWeek;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.ScorecardSource;
import io.uptake.metrics.SequencingSettings;
import io.uptake.metrics.WorkflowScore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a pilot's owner one early warning per pilot spell, from the spell's day 60
 * ({@code uptake.metrics.sequencing.early-warning-day}), in the first run whose last complete week shows a reason
 * ({@link EarlyWarningRule}); the warning asks them to scale, fix or stop it. The row stored per workflow and spell
 * (unique, see {@link QueueEarlyWarning}) makes a re-run, another instance or a restart send nothing twice.
 */
@Singleton
public class WarnEarly {

    private final CatalogState catalog;
    private final CheckinLookup lookup;
    private final ScorecardSource scorecards;
    private final DecisionRepositories.EarlyWarnings warnings;
    private final QueueEarlyWarning queue;
    private final MetricsSettings metrics;
    private final DriftSettings drift;
    private final SequencingSettings sequencing;
    private final Clock clock;

    WarnEarly(CatalogState catalog, CheckinLookup lookup, ScorecardSource scorecards,
              DecisionRepositories.EarlyWarnings warnings, QueueEarlyWarning queue, MetricsSettings metrics,
              DriftSettings drift, SequencingSettings sequencing, Clock clock) {
        this.catalog = catalog;
        this.lookup = lookup;
        this.scorecards = scorecards;
        this.warnings = warnings;
        this.queue = queue;
        this.metrics = metrics;
        this.drift = drift;
        this.sequencing = sequencing;
        this.clock = clock;
    }

    /** Warns the owners of pilots due a warning; returns how many warnings were queued. */
    public int run() {
        return warn().size();
    }

    /** Warns the owners of pilots due a warning; returns the workflows whose owners were warned. */
    public List<String> warn() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, List<WorkflowRow>> due = new HashMap<>();
        for (Workflow w : catalog.catalog().map(Catalog::workflows).orElse(List.of())) {
            lookup.workflow(w.id()).filter(row -> due(row, today))
                    .ifPresent(row -> due.computeIfAbsent(row.programmeId(), k -> new ArrayList<>()).add(row));
        }
        if (due.isEmpty()) {
            return List.of();
        }
        Scorecard card = scorecards.forWeek(IsoWeek.lastComplete(clock), new ArrayList<>(due.keySet()));
        Map<String, WorkflowScore> scores = new HashMap<>();
        for (ProgrammeScore p : card.programmes()) {
            p.workflows().forEach(s -> scores.put(s.workflowId(), s));
        }
        List<String> warned = new ArrayList<>();
        for (List<WorkflowRow> rows : due.values()) {
            for (WorkflowRow row : rows) {
                WorkflowScore score = scores.get(row.id());
                List<String> reasons = score == null ? List.of() : EarlyWarningRule.reasons(score, metrics, drift);
                if (!reasons.isEmpty() && queue.warn(row, reasons, today, now)) {
                    warned.add(row.id());
                }
            }
        }
        return warned;
    }

    private boolean due(WorkflowRow row, LocalDate today) {
        return row.retiredAt() == null && "pilot".equals(row.stage()) && row.stageSince() != null
                && ChronoUnit.DAYS.between(row.stageSince(), today) >= sequencing.earlyWarningDay()
                && !warnings.existsByWorkflowIdAndPilotSince(row.id(), row.stageSince());
    }
}
