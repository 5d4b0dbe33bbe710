package io.uptake.digest;

import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.WorkflowRow;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.ScorecardSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One workflow's scorecard as chat text ({@code /uptake status}): its row of the weekly digest for the last
 * complete week, worded by the same rules, so a figure on too few answers is hidden here as everywhere else.
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
        DigestWeek week = DigestWeek.lastCompleteBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        Scorecard all = scorecards.forWeek(week.monday(), List.of(workflow.get().programmeId()));
        List<ProgrammeScore> programmes = all.programmes().stream()
                .map(p -> new ProgrammeScore(p.programmeId(), p.name(), p.sponsorEmail(), p.verdict(), p.reasons(),
                        p.pilotToProductionPercent(), p.workflows().stream()
                        .filter(w -> w.workflowId().equals(workflow.get().id())).toList()))
                .filter(p -> !p.workflows().isEmpty())
                .toList();
        if (programmes.isEmpty()) {
            return Optional.of("No figures yet for " + workflow.get().name() + " in " + week.name() + ".");
        }
        return Optional.of(DigestText.render(compose.compose(new Scorecard(all.week(), programmes),
                ComposeDigest.SLACK_UNITS, null)));
    }
}
