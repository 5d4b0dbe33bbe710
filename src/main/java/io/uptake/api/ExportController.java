package io.uptake.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.uptake.metrics.ScorecardSource;
import io.uptake.metrics.Scorecard;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/** CSV exports of the scorecard, thresholded like every other output: suppressed cells say so, never a number. */
@Controller("/api/v1/export")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Exports")
@SecurityRequirement(name = "admin")
final class ExportController {

    static final String CSV = "text/csv";

    private final ScorecardSource scorecards;
    private final Clock clock;

    ExportController(ScorecardSource scorecards, Clock clock) {
        this.scorecards = scorecards;
        this.clock = clock;
    }

    @Get(value = "/scorecard.csv", produces = CSV)
    @Operation(summary = "One row per workflow for one ISO week: every figure with its n and source, verdict, reasons")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV))
    @ApiResponse(responseCode = "400", description = "week is not an ISO week such as 2026-W47")
    HttpResponse<?> scorecard(
            @Parameter(description = "ISO week, e.g. 2026-W47, or current for the running week so far; default the"
                    + " last complete week (UTC)")
            @Nullable @QueryValue String week,
            @Parameter(description = "programme ids; default every active programme")
            @Nullable @QueryValue List<String> programme) {
        return csv(week, programme, "scorecard", ScorecardCsv::scorecard);
    }

    @Get(value = "/history.csv", produces = CSV)
    @Operation(summary = "One row per workflow per week for the 12 weeks up to an ISO week: WAU and trust index")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV))
    @ApiResponse(responseCode = "400", description = "week is not an ISO week such as 2026-W47")
    HttpResponse<?> history(
            @Parameter(description = "ISO week, e.g. 2026-W47, or current for the running week so far; default the"
                    + " last complete week (UTC)")
            @Nullable @QueryValue String week,
            @Parameter(description = "programme ids; default every active programme")
            @Nullable @QueryValue List<String> programme) {
        return csv(week, programme, "history", ScorecardCsv::history);
    }

    @Get(value = "/waves.csv", produces = CSV)
    @Operation(summary = "One row per rollout wave of each workflow rolled out in waves for one ISO week: live or "
            + "not, team, WAU and habit with their n and source")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV))
    @ApiResponse(responseCode = "400", description = "week is not an ISO week such as 2026-W47")
    HttpResponse<?> waves(
            @Parameter(description = "ISO week, e.g. 2026-W47, or current for the running week so far; default the"
                    + " last complete week (UTC)")
            @Nullable @QueryValue String week,
            @Parameter(description = "programme ids; default every active programme")
            @Nullable @QueryValue List<String> programme) {
        return csv(week, programme, "waves", WavesCsv::waves);
    }

    private HttpResponse<?> csv(String week, List<String> programme, String name, Function<Scorecard, String> write) {
        ScorecardQuery.Answer answer = ScorecardQuery.run(scorecards, clock, week, programme);
        if (answer.error() != null) {
            return answer.error().contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(write.apply(answer.scorecard())).contentType(CSV + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-"
                        + answer.scorecard().week() + (answer.scorecard().soFar() ? "-so-far" : "") + ".csv\"");
    }
}
