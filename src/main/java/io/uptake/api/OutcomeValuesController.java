package io.uptake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.uptake.catalog.CheckinLookup;
import io.uptake.checkin.OutcomeValueInput;
import io.uptake.checkin.OutcomeValuesResult;
import io.uptake.checkin.RecordOutcomeValues;
import io.uptake.checkin.TellSponsorsOfOutcomeGaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The measured values of a workflow's outcome, from its system of record (finance ledger, CRM, ticketing): the
 * scorecard sets them beside the value the owner claims in their check-in, and flags a gap to the sponsor.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Outcomes")
@SecurityRequirement(name = "admin")
final class OutcomeValuesController {

    /**
     * The largest body taken, in characters: 10,000 values with their sources fit under it. The server takes no
     * body over 1 MB at all ({@code micronaut.server.max-request-size}); such a body is refused the same way.
     */
    static final int MAX_BODY = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String SHAPE = "{\"values\": [{\"day\": \"2026-11-30\", \"value\": 44, \"source\": "
            + "\"finance-ledger\"}]}";

    private final RecordOutcomeValues record;
    private final TellSponsorsOfOutcomeGaps gaps;

    OutcomeValuesController(RecordOutcomeValues record, TellSponsorsOfOutcomeGaps gaps) {
        this.record = record;
        this.gaps = gaps;
    }

    @Post(value = "/outcomes/{workflow}/values", consumes = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "postOutcomeValues", summary = "Take in measured values of a workflow's outcome, or of "
            + "a programme's own (programme:<id>)",
            description = "JSON body " + SHAPE + ", or a CSV file (Content-Type: text/csv) with the header line "
                    + "day,value[,source][,wave]. A value may name the rollout wave whose team it was measured for "
                    + "(\"wave\": 2, or a wave column): such values give the measured effect of going live on the "
                    + "outcome, across waves; a value without a wave is the workflow's own. "
                    + "The subject programme:<id> takes the values of a programme's own outcome (no wave), set "
                    + "beside its owner's claim in the programme's scorecard. One value per day (and "
                    + "wave), measured on or before today (UTC); posting a day "
                    + "again replaces its value. Every value is checked first: one bad value refuses the whole "
                    + "post, naming the row and field, and nothing is stored. The scorecard shows the latest "
                    + "measured value of the scored week beside the value the owner claimed, and a gap above "
                    + "uptake.metrics.outcome-gap.percent (10 %) flags the workflow (or programme) and, for a "
                    + "workflow, tells the sponsor once a quarter.")
    @ApiResponse(responseCode = "200", description = "All values stored: how many, and how many replaced a day's "
            + "earlier value", content = @Content(schema = @Schema(implementation = OutcomeValuesResult.Stored.class)))
    @ApiResponse(responseCode = "400", description = "Nothing stored: unreadable JSON or CSV, no values, more than "
            + "10,000 values or a body over 1,000,000 characters (or 1 MB), or a value that is wrong (a date that is "
            + "not YYYY-MM-DD, a future day, a value that is not a finite number, a day given twice, a wave the "
            + "workflow does not have); the message "
            + "names the row and field", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No workflow (or programme) has this id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "The workflow (or programme) declares no outcome in the "
            + "programmes file",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    HttpResponse<?> post(@PathVariable String workflow, @Body @Nullable String body,
                         @Header("Content-Type") @Nullable String contentType) {
        String text = body == null ? "" : body;
        if (text.length() > MAX_BODY) {
            return badRequest("The body holds " + text.length() + " characters; a post may hold at most "
                    + MAX_BODY + ". Split it into several posts. Nothing was stored.");
        }
        boolean csv = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv");
        List<OutcomeValueInput> rows;
        if (csv) {
            OutcomeValuesCsv.Parsed parsed = OutcomeValuesCsv.parse(text);
            if (parsed instanceof OutcomeValuesCsv.Parsed.Unreadable unreadable) {
                return badRequest(unreadable.reason());
            }
            rows = ((OutcomeValuesCsv.Parsed.Rows) parsed).rows();
        } else {
            Object read = json(text);
            if (read instanceof HttpResponse<?> refused) {
                return refused;
            }
            @SuppressWarnings("unchecked")
            List<OutcomeValueInput> fromJson = (List<OutcomeValueInput>) read;
            rows = fromJson;
        }
        OutcomeValuesResult result = record.record(workflow, rows);
        Optional<String> programme = CheckinLookup.Subject.programmeId(workflow);
        String named = programme.map(id -> "programme '" + id + "'").orElse("workflow '" + workflow + "'");
        if (result instanceof OutcomeValuesResult.UnknownWorkflow) {
            return HttpResponse.notFound(ApiError.of("No " + named + " in the programmes file."));
        }
        if (result instanceof OutcomeValuesResult.NoOutcome) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of(Character.toUpperCase(named.charAt(0))
                    + named.substring(1) + " declares no outcome, so it has nothing to measure: add an outcome "
                    + "(metric, unit, direction, baseline, target, by) to it in the programmes file first."));
        }
        if (result instanceof OutcomeValuesResult.Refused refused) {
            return badRequest(refused.message());
        }
        OutcomeValuesResult.Stored stored = (OutcomeValuesResult.Stored) result;
        boolean told = programme.isEmpty() && gaps.forWorkflow(workflow);
        return HttpResponse.ok(new OutcomeValuesResult.Stored(stored.workflowId(), stored.stored(),
                stored.replaced(), told));
    }

    /** The rows of a JSON body, or the 400 that says why it cannot be read. */
    private static Object json(String body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "nested too deep, or a value too long"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return badRequest("The body is not valid JSON (" + where + "). Send " + SHAPE + ", or a CSV file with "
                    + "Content-Type: text/csv. Nothing was stored.");
        }
        if (tree == null || !tree.isObject()) {
            return badRequest("Send a JSON object: " + SHAPE + ". Nothing was stored.");
        }
        JsonNode values = tree.get("values");
        if (values == null || !values.isArray()) {
            return badRequest("'values' is missing or not a list: send " + SHAPE + ". Nothing was stored.");
        }
        if (values.size() > RecordOutcomeValues.MAX_ROWS) {
            return badRequest("A post holds at most " + RecordOutcomeValues.MAX_ROWS + " values; this one has "
                    + values.size() + ". Split it into several posts. Nothing was stored.");
        }
        List<OutcomeValueInput> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            String where = "values[" + i + "]";
            if (!v.isObject()) {
                return badRequest(where + " is not an object; each value is {\"day\", \"value\", \"source\"}. "
                        + "Nothing was stored.");
            }
            rows.add(new OutcomeValueInput(i, where, text(v.get("day")), text(v.get("value")),
                    text(v.get("source")), text(v.get("wave"))));
        }
        return rows;
    }

    /** A field's text: numbers as written, objects and lists as their JSON (so they are refused as such). */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toString();
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    /** A body over the server's 1 MB limit, refused before it is read: a 400 like any other oversized post. */
    @Error(exception = ContentLengthExceededException.class)
    HttpResponse<?> overLimit(ContentLengthExceededException e) {
        return badRequest("The body is larger than the 1 MB a post may hold. Split it into several posts.");
    }

    private static HttpResponse<?> badRequest(String message) {
        return HttpResponse.badRequest(ApiError.of(message.endsWith("Nothing was stored.") ? message
                : message + " Nothing was stored."));
    }
}
