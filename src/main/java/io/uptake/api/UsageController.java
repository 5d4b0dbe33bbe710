package io.uptake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.uptake.catalog.UsageSpec;
import io.uptake.usage.BatchResult;
import io.uptake.usage.RecordUsageBatch;
import io.uptake.usage.UsageInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Usage telemetry from AI tools: a batch of per-person, per-day counts, as JSON or as a CSV file. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Usage")
@SecurityRequirement(name = "admin")
final class UsageController {

    static final String BATCH_HEADER = "X-Uptake-Batch";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordUsageBatch recordBatch;
    private final DirectoryWait directory;

    UsageController(RecordUsageBatch recordBatch, DirectoryWait directory) {
        this.recordBatch = recordBatch;
        this.directory = directory;
    }

    @Post(value = "/usage-events", consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "postUsageEvents", summary = "Take in a batch of usage events once per batch key",
            description = "Body: {\"batch\": \"copilot-2026-11-20\", \"events\": [{\"workflow\": \"claims-triage\", "
                    + "\"email\": \"ana@example.com\", \"day\": \"2026-11-20\", \"count\": 3}]}; a chatId (Slack or "
                    + "Teams user id) may stand for the email. Good rows are stored, bad rows are listed in "
                    + "'rejected', people Uptake does not know in 'unknownPeople'. Sending the same batch key "
                    + "again stores nothing and returns the first result with duplicate=true. A batch of which "
                    + "no row could be stored answers 422 with the reasons and does not use up its key.")
    @ApiResponse(responseCode = "201", description = "Batch taken in",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @ApiResponse(responseCode = "200", description = "Batch key seen before: the first result, duplicate=true",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @ApiResponse(responseCode = "400", description = "Not a batch: unreadable JSON, no key, no events")
    @ApiResponse(responseCode = "422", description = "No row could be stored: every row was refused or named "
            + "someone unknown. Nothing is stored and the batch key is not used up, so the corrected batch can be "
            + "sent again under the same key",
            content = @Content(schema = @Schema(implementation = BatchNotStored.class)))
    @ApiResponse(responseCode = "413", description = "More than 10,000 events")
    @ApiResponse(responseCode = "503", description = "Right after start-up, the directory was still being read after "
            + "10 s: nothing is stored and the key is not used up; try again after Retry-After seconds")
    HttpResponse<?> json(@Body String body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            // A body beyond the reader's limits (nesting over 1,000 levels) has no location to name.
            String where = e.getLocation() == null ? "nested more than 1,000 levels deep, or a value too long"
                    : "line " + e.getLocation().getLineNr();
            return badRequest("The body is not valid JSON (" + where + "). Send "
                    + "{\"batch\": \"<key>\", \"events\": [{\"workflow\", \"email\", \"day\", \"count\"}]}.");
        }
        if (tree == null || !tree.isObject()) {
            return badRequest("Send a JSON object: {\"batch\": \"<key>\", \"events\": [ ... ]}.");
        }
        JsonNode events = tree.path("events");
        if (!tree.path("batch").isTextual()) {
            return badRequest("'batch' is missing or not text: give each export a unique key, e.g. "
                    + "\"copilot-2026-11-20\".");
        }
        if (!events.isArray()) {
            return badRequest("'events' is missing or not a list.");
        }
        if (events.size() > RecordUsageBatch.MAX_ROWS) {
            return tooLarge(events.size());
        }
        List<UsageInput> rows = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (!event.isObject()) {
                return badRequest("events[" + i + "] is not an object; each event is {\"workflow\", \"email\", "
                        + "\"day\", \"count\"}.");
            }
            rows.add(new UsageInput(i + 1, text(event, "workflow"), text(event, "email"),
                    text(event, "chatId") != null ? text(event, "chatId") : text(event, "chat_id"),
                    text(event, "day"), text(event, "count")));
        }
        Optional<HttpResponse<?>> reading = directory.stillReading();
        if (reading.isPresent()) {
            return reading.get();
        }
        Optional<HttpResponse<?>> reserved = reserved(tree.path("batch").asText());
        if (reserved.isPresent()) {
            return reserved.get();
        }
        return answer(recordBatch.record(tree.path("batch").asText(), rows));
    }

    /**
     * A key a posted file may not take: keys starting with a pulled source's name ({@code github-copilot:}) or
     * {@code csv:} name the batches of pulls and CSV profiles, whose rows count as that source's.
     */
    private static Optional<HttpResponse<?>> reserved(String key) {
        String lower = key.strip().toLowerCase(Locale.ROOT);
        boolean taken = lower.startsWith(UsageSpec.CSV_PREFIX)
                || UsageSpec.CONNECTORS.stream().anyMatch(source -> lower.startsWith(source + ":"));
        return taken ? Optional.of(badRequest("Batch keys starting with " + String.join(":, ", UsageSpec.CONNECTORS)
                + ": or csv: name the usage Uptake pulls or takes through a CSV profile; name this file's batch"
                + " otherwise, e.g. copilot-export-2026-11-20.")) : Optional.empty();
    }

    @Post(value = "/usage-events.csv", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Operation(operationId = "postUsageEventsCsv", summary = "Take in a batch of usage events from a CSV file",
            description = "Header line workflow,email,day,count (a chat_id column may stand for email). The batch "
                    + "key comes from ?batch= or the X-Uptake-Batch header. Same answers as the JSON form.")
    @ApiResponse(responseCode = "201", description = "Batch taken in",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @ApiResponse(responseCode = "200", description = "Batch key seen before: the first result, duplicate=true",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @ApiResponse(responseCode = "400", description = "Not a readable CSV batch, or no batch key")
    @ApiResponse(responseCode = "422", description = "No row could be stored (a line that cannot be read, such as "
            + "one with an unbalanced quote, is a refused row); the batch key is not used up",
            content = @Content(schema = @Schema(implementation = BatchNotStored.class)))
    @ApiResponse(responseCode = "413", description = "More than 10,000 rows")
    @ApiResponse(responseCode = "503", description = "The directory is still being read, as for the JSON form")
    HttpResponse<?> csv(@Body @Nullable String body, @QueryValue("batch") @Nullable String batch,
                        @Header(BATCH_HEADER) @Nullable String batchHeader) {
        String key = batch != null ? batch : batchHeader;
        if (key == null || key.isBlank()) {
            return badRequest("Name the batch with ?batch=<key> or the " + BATCH_HEADER + " header.");
        }
        Optional<HttpResponse<?>> reserved = reserved(key);
        if (reserved.isPresent()) {
            return reserved.get();
        }
        UsageCsv.Parsed<UsageInput> parsed = UsageCsv.parse(body == null ? "" : body, RecordUsageBatch.MAX_ROWS);
        if (parsed instanceof UsageCsv.Parsed.Unreadable<UsageInput> unreadable) {
            return badRequest(unreadable.reason());
        }
        if (parsed instanceof UsageCsv.Parsed.TooLarge) {
            return tooLarge(RecordUsageBatch.MAX_ROWS + 1);
        }
        UsageCsv.Parsed.Rows<UsageInput> rows = (UsageCsv.Parsed.Rows<UsageInput>) parsed;
        Optional<HttpResponse<?>> reading = directory.stillReading();
        if (reading.isPresent()) {
            return reading.get();
        }
        return answer(recordBatch.record(key, rows.rows(), rows.unreadable()));
    }

    private static HttpResponse<?> answer(RecordUsageBatch.Outcome outcome) {
        if (outcome instanceof RecordUsageBatch.Outcome.Stored stored) {
            return HttpResponse.status(HttpStatus.CREATED).body(stored.result());
        }
        if (outcome instanceof RecordUsageBatch.Outcome.Duplicate duplicate) {
            BatchResult result = duplicate.result();
            return HttpResponse.ok(result);
        }
        if (outcome instanceof RecordUsageBatch.Outcome.NothingStored nothing) {
            return HttpResponse.unprocessableEntity().body(BatchNotStored.of(nothing.result()));
        }
        return badRequest("Batch refused: " + ((RecordUsageBatch.Outcome.Refused) outcome).reason() + ".");
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static HttpResponse<?> badRequest(String message) {
        return HttpResponse.badRequest(ApiError.of(message));
    }

    static HttpResponse<?> tooLarge(int rows) {
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(ApiError.of("A batch holds at most "
                + RecordUsageBatch.MAX_ROWS + " events; this one has " + (rows > RecordUsageBatch.MAX_ROWS
                ? "more" : rows) + ". Split it into several batches, each with its own key."));
    }
}
