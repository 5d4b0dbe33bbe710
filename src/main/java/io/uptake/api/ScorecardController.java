package io.uptake.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import io.uptake.metrics.ScorecardSource;
import io.uptake.metrics.Scorecard;
import java.time.Clock;
import java.util.List;

/** The adoption scorecard of a week as JSON, every figure already through the anonymity rules. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Scorecard")
@SecurityRequirement(name = "admin")
final class ScorecardController {

    private final ScorecardSource scorecards;
    private final Clock clock;

    ScorecardController(ScorecardSource scorecards, Clock clock) {
        this.scorecards = scorecards;
        this.clock = clock;
    }

    @Get("/scorecard")
    @Operation(summary = "Verdict, reasons and section 4 figures per programme and workflow for one ISO week")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Scorecard.class)))
    @ApiResponse(responseCode = "400", description = "week is not an ISO week such as 2026-W47")
    @ApiResponse(responseCode = "404", description = "a programme named does not exist")
    HttpResponse<?> scorecard(
            @Parameter(description = "ISO week, e.g. 2026-W47, or current for the running week so far; default the"
                    + " last complete week (UTC)")
            @Nullable @QueryValue String week,
            @Parameter(description = "programme ids (repeat or comma-separate); default every active programme")
            @Nullable @QueryValue List<String> programme) {
        ScorecardQuery.Answer answer = ScorecardQuery.run(scorecards, clock, week, programme);
        return answer.error() != null ? answer.error() : HttpResponse.ok(answer.scorecard());
    }
}
