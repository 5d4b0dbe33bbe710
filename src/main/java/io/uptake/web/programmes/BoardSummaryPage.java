package io.uptake.web.programmes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.digest.board.BoardSummaries;
import io.uptake.web.Frames;
import io.uptake.web.Viewer;

/**
 * The dashboard's link to a programme's quarterly board summary: the same PNG as the admin API's, for whoever sees
 * the whole programme (its sponsor, an admin).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class BoardSummaryPage {

    private final Frames frames;
    private final BoardSummaries summaries;
    private final ErrorPages errors;

    BoardSummaryPage(Frames frames, BoardSummaries summaries, ErrorPages errors) {
        this.frames = frames;
        this.summaries = summaries;
        this.errors = errors;
    }

    @Get("/programmes/{id}/board-summary.png")
    HttpResponse<?> page(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @Nullable @QueryValue String quarter) {
        Viewer viewer = frames.viewer(authentication).orElseThrow();
        if (!viewer.seesProgramme(id)) {
            return errors.boardSummary(request, authentication, "There is no programme at this address that you "
                    + "can see. Check the link, or go back to the programmes.", HttpStatus.NOT_FOUND);
        }
        BoardSummaries.Page page = summaries.page(id, quarter);
        if (page instanceof BoardSummaries.Page.Png png) {
            return HttpResponse.ok(png.png()).contentType("image/png").header("Cache-Control", "no-store")
                    .header("X-Content-Type-Options", "nosniff");
        }
        if (page instanceof BoardSummaries.Page.BadQuarter bad) {
            return errors.boardSummary(request, authentication, "Bad quarter: " + bad.why() + ".",
                    HttpStatus.BAD_REQUEST);
        }
        return errors.boardSummary(request, authentication, "There is no programme at this address that you can "
                + "see. Check the link, or go back to the programmes.", HttpStatus.NOT_FOUND);
    }
}
