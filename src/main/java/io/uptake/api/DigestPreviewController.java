package io.uptake.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.uptake.chat.slack.BlockKit;
import io.uptake.chat.slack.SlackMessage;
import io.uptake.chat.teams.DigestCards;
import io.uptake.digest.DigestWeek;
import io.uptake.digest.PreviewDigest;
import io.uptake.message.DigestMessage;
import java.util.Optional;

/** Shows a programme's weekly digest as text, Block Kit and Adaptive Card, without posting or storing it. */
@Controller("/api/v1/digests/preview")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Digests")
@SecurityRequirement(name = "admin")
final class DigestPreviewController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PreviewDigest preview;

    DigestPreviewController(PreviewDigest preview) {
        this.preview = preview;
    }

    @Get
    @Operation(summary = "The digest of one programme as it would be sent; nothing is posted or stored",
            description = "Returns {programme, week, soFar (true for a week still running), text, "
                    + "blockKit: [{text, blocks}] (one Slack message per part), "
                    + "adaptiveCard (the first Teams card), adaptiveCards (every Teams card)}. Figures resting on too"
                    + " few answers show as '—  (fewer than 5 answers)'. The chart is drawn only when a digest is"
                    + " sent.")
    @ApiResponse(responseCode = "200", description = "The digest in three renderings")
    @ApiResponse(responseCode = "400", description = "No programme named, or a week that is not an ISO week",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No active programme with that id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    HttpResponse<?> preview(
            @Parameter(description = "The programme's id, as in the programmes file") @Nullable @QueryValue
            String programme,
            @Parameter(description = "ISO week such as 2026-W47, or current for the running week so far; default the"
                    + " last complete week (UTC)")
            @Nullable @QueryValue String week) {
        if (programme == null || programme.isBlank()) {
            return HttpResponse.badRequest(ApiError.of("Name the programme: ?programme=<id>."));
        }
        Optional<DigestWeek> shown = Optional.empty();
        if (week != null && week.strip().equalsIgnoreCase("current")) {
            shown = Optional.of(preview.runningWeek());
        } else if (week != null && !week.isBlank()) {
            shown = DigestWeek.parse(week.strip());
            if (shown.isEmpty()) {
                return HttpResponse.badRequest(ApiError.of("week must be an ISO week such as 2026-W47 or current, not '"
                        + (week.length() > 20 ? week.substring(0, 20) + "…" : week) + "'."));
            }
        }
        Optional<PreviewDigest.Preview> found = preview.preview(programme.strip(), shown);
        if (found.isEmpty()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of("No active programme with id '"
                    + (programme.length() > 64 ? programme.substring(0, 64) + "…" : programme)
                    + "': GET /api/v1/programmes lists them."));
        }
        return HttpResponse.ok(body(programme.strip(), found.get()).toString())
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static ObjectNode body(String programme, PreviewDigest.Preview preview) {
        ObjectNode body = JSON.createObjectNode().put("programme", programme).put("week", preview.week())
                .put("soFar", preview.soFar())
                .put("text", preview.text());
        ArrayNode blockKit = body.putArray("blockKit");
        for (DigestMessage part : preview.slackParts()) {
            SlackMessage message = BlockKit.render(part);
            ObjectNode rendered = blockKit.addObject().put("text", message.text());
            rendered.set("blocks", message.blocks());
        }
        body.set("adaptiveCard", DigestCards.render(preview.teamsParts().get(0)));
        ArrayNode cards = body.putArray("adaptiveCards");
        preview.teamsParts().forEach(part -> cards.add(DigestCards.render(part)));
        return body;
    }
}
