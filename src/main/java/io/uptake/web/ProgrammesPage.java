package io.uptake.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.metrics.IsoWeek;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.ScorecardSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dashboard's first page: the programmes the viewer may see, each with its verdict and reasons for a week. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ProgrammesPage {

    private final Frames frames;
    private final ScorecardSource scorecards;
    private final Clock clock;

    ProgrammesPage(Frames frames, ScorecardSource scorecards, Clock clock) {
        this.frames = frames;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    HttpResponse<?> programmes(HttpRequest<?> request, Authentication authentication,
                               @Nullable @QueryValue String week) {
        Viewer viewer = frames.viewer(authentication).orElseThrow();
        Instant now = clock.instant();
        LocalDate monday = Optional.ofNullable(week).flatMap(IsoWeek::parse)
                .orElseGet(() -> IsoWeek.lastComplete(now, ZoneOffset.UTC));
        Scorecard card = scorecards.forWeek(monday, List.of())
                .soFar(!IsoWeek.complete(monday, now, ZoneOffset.UTC));
        List<ProgrammeScore> visible = card.programmes().stream()
                .filter(p -> viewer.seesProgramme(p.programmeId()) || p.workflows().stream()
                        .anyMatch(w -> viewer.seesWorkflow(p.programmeId(), w.workflowId())))
                .toList();
        return frames.page(request, authentication, "programmes", "Programmes", "programmes",
                Map.of("week", card.week(), "soFar", card.soFar(), "programmes", visible, "viewer", viewer));
    }
}
