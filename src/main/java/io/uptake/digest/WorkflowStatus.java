package io.uptake.digest;

import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.WorkflowRow;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.RunningWeek;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.ScorecardSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One workflow's scorecard as chat text ({@code /uptake status}): its row of the weekly digest for the last
 * complete week (UTC) and for the running week so far, worded by the same rules, so a figure on too few answers is
 * hidden here as everywhere else.
 */
@Singleton
public class WorkflowStatus {

    private final CatalogLookup catalog;
    private final ScorecardSource scorecards;
    private final ComposeDigest compose;
    private final Clock clock;

    WorkflowStatus(CatalogLookup catalog, ScorecardSource scorecards, ComposeDigest compose, Clock clock) {
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.compose = compose;
        this.clock = clock;
    }

    /** The workflow's status, or empty when no active workflow has that id. */
    public Optional<String> describe(String workflowId) {
        Optional<WorkflowRow> workflow = catalog.workflow(workflowId.trim().toLowerCase(Locale.ROOT))
                .filter(w -> w.retiredAt() == null);
        if (workflow.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(week(workflow.get(), DigestWeek.lastComplete(now, ZoneOffset.UTC), false) + "\n"
                + week(workflow.get(), DigestWeek.running(now, ZoneOffset.UTC), true));
    }

    private String week(WorkflowRow workflow, DigestWeek week, boolean soFar) {
        Scorecard all = RunningWeek.asRead(scorecards.forWeek(week.monday(), List.of(workflow.programmeId())),
                scorecards, clock.instant());
        List<ProgrammeScore> programmes = all.programmes().stream()
                .map(p -> p.with(p.reasons(), p.workflows().stream()
                        .filter(w -> w.workflowId().equals(workflow.id())).toList()))
                .filter(p -> !p.workflows().isEmpty())
                .toList();
        if (programmes.isEmpty()) {
            return "No figures yet for " + workflow.name() + " in " + week.name() + (soFar ? " so far" : "") + ".\n";
        }
        return DigestText.render(compose.compose(all.with(programmes),
                ComposeDigest.SLACK_UNITS, null));
    }
}
