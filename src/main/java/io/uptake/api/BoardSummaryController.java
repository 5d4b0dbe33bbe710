package io.uptake.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.uptake.digest.board.BoardSummaries;

/** Serves a programme's quarterly board summary as its one-page PNG, drawn on request; nothing is sent or stored. */
@Controller("/api/v1/programmes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Digests")
@SecurityRequirement(name = "admin")
final class BoardSummaryController {

    private final BoardSummaries summaries;

    BoardSummaryController(BoardSummaries summaries) {
        this.summaries = summaries;
    }

    @Get("/{id}/board-summary.png")
    @Operation(summary = "A programme's quarterly board summary as one PNG page (1403 × 992, A4 landscape)",
            description = "Each workflow's outcome (baseline → target, claimed vs measured with the check-in's "
                    + "evidence link and the measured value's source), the verdict of every week of the quarter, "
                    + "the effect estimates and the owner's decisions. A quarter still running shows its complete "
                    + "weeks so far.")
    @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "image/png"))
    @ApiResponse(responseCode = "400", description = "A quarter not written like 2026-Q4, or not started yet",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No programme with that id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    HttpResponse<?> page(@PathVariable String id,
                         @Parameter(description = "Quarter such as 2026-Q4; default the last quarter that has ended")
                         @Nullable @QueryValue String quarter) {
        BoardSummaries.Page page = summaries.page(id, quarter);
        if (page instanceof BoardSummaries.Page.Png png) {
            return HttpResponse.ok(png.png()).contentType("image/png")
                    .header("Content-Disposition", "inline; filename=\"board-summary-" + id.replaceAll("[^A-Za-z0-9_-]",
                            "") + "-" + png.quarter() + ".png\"")
                    .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        }
        if (page instanceof BoardSummaries.Page.BadQuarter bad) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(ApiError.of("Bad quarter: " + bad.why() + "."));
        }
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of("No programme '" + id
                + "' in the programmes file."));
    }
}
