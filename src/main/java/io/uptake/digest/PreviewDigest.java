package io.uptake.digest;

import io.uptake.catalog.CatalogLookup;
import io.uptake.message.DigestMessage;
import io.uptake.metrics.RunningWeek;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.ScorecardSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Composes a programme's digest as it would be sent, without storing or sending anything. */
@Singleton
public class PreviewDigest {

    /**
     * The digest for both platforms' part sizes; the chart is only drawn when a digest is sent.
     *
     * @param slackParts parts sized for Slack messages
     * @param teamsParts parts sized for Teams cards
     * @param soFar      whether the week is still running, so the figures are the week so far
     */
    public record Preview(String week, boolean soFar, String text, List<DigestMessage> slackParts,
                          List<DigestMessage> teamsParts) {
    }

    private final CatalogLookup catalog;
    private final ScorecardSource scorecards;
    private final ComposeDigest compose;
    private final Clock clock;

    PreviewDigest(CatalogLookup catalog, ScorecardSource scorecards, ComposeDigest compose, Clock clock) {
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.compose = compose;
        this.clock = clock;
    }

    /** The week running now in UTC, which a preview shows as the week so far. */
    public DigestWeek runningWeek() {
        return DigestWeek.running(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * @param week the week to show; empty for the last complete week (in UTC); a week not yet complete is shown
     *             as the week so far
     * @return empty for a programme that is not in the catalogue
     */
    public Optional<Preview> preview(String programmeId, Optional<DigestWeek> week) {
        if (catalog.programme(programmeId).filter(p -> p.retiredAt() == null).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        DigestWeek shown = week.orElseGet(() -> DigestWeek.lastComplete(now, ZoneOffset.UTC));
        Scorecard scorecard = RunningWeek.asRead(scorecards.forWeek(shown.monday(), List.of(programmeId)), scorecards,
                now);
        List<DigestMessage> slack = compose.compose(scorecard, ComposeDigest.SLACK_UNITS,
                ComposeDigest.SLACK_CHARACTERS, null);
        List<DigestMessage> teams = compose.compose(scorecard, ComposeDigest.TEAMS_UNITS, null);
        return Optional.of(new Preview(shown.name(), scorecard.soFar(), DigestText.render(slack), slack, teams));
    }
}
