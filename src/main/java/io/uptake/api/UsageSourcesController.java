package io.uptake.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
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
import io.uptake.catalog.CsvProfile;
import io.uptake.catalog.UsageSpec;
import io.uptake.usage.BatchResult;
import io.uptake.usage.ExportResult;
import io.uptake.usage.ExportLine;
import io.uptake.usage.PullResult;
import io.uptake.usage.PullUsage;
import io.uptake.usage.RecordCsvExport;
import io.uptake.usage.RecordUsageBatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Usage read from the AI tools themselves: a connector pulled now, a tool's export posted through a CSV profile. */
@Controller("/api/v1/usage/sources")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Usage")
@SecurityRequirement(name = "admin")
final class UsageSourcesController {

    private final PullUsage pullUsage;
    private final RecordCsvExport csvExport;
    private final DirectoryWait directory;

    UsageSourcesController(PullUsage pullUsage, RecordCsvExport csvExport, DirectoryWait directory) {
        this.pullUsage = pullUsage;
        this.csvExport = csvExport;
        this.directory = directory;
    }

    @Post("/{source}/pull")
    @Operation(operationId = "pullUsageSource", summary = "Pull a connector's usage now and store it",
            description = "Pulls github-copilot or microsoft-365-copilot from the day two before its cursor (the "
                    + "newest day it delivered; on the first pull, the Monday 12 weeks before this week's) to today, "
                    + "UTC, and stores one "
                    + "usage event per workflow, person and day for the workflows whose usage.source names it. "
                    + "What this source stored before is not stored again, so pulling twice changes no figure. "
                    + "The schedule pulls every configured connector every 6 hours as well.")
    @ApiResponse(responseCode = "200", description = "Pulled: what was stored, what was already stored, the people "
            + "Uptake does not know, the source's data-as-of day; anonymised=true when the tool hid its users and "
            + "nothing could be counted", content = @Content(schema = @Schema(implementation = PullResult.class)))
    @ApiResponse(responseCode = "404", description = "No such source; the message names the known ones")
    @ApiResponse(responseCode = "409", description = "The connector is not configured (the message names the "
            + "environment variables to set), or the source is a CSV profile, whose exports are posted")
    @ApiResponse(responseCode = "424", description = "The tool could not be read (down, credentials refused, rate "
            + "limited): the message says why; nothing is stored and the error is kept on the source")
    @ApiResponse(responseCode = "503", description = "Right after start-up, the directory was still being read")
    HttpResponse<?> pull(@PathVariable String source) {
        if (source.startsWith(UsageSpec.CSV_PREFIX)) {
            return error(HttpStatus.CONFLICT, "CSV sources are uploaded, not pulled: POST /api/v1/usage/sources/"
                    + source + "/events with the tool's export as text/csv.");
        }
        Optional<HttpResponse<?>> reading = directory.stillReading();
        if (reading.isPresent()) {
            return reading.get();
        }
        PullUsage.Outcome outcome = pullUsage.pull(source);
        if (outcome instanceof PullUsage.Outcome.Pulled pulled) {
            return HttpResponse.ok(pulled.result());
        }
        if (outcome instanceof PullUsage.Outcome.UnknownSource unknown) {
            return error(HttpStatus.NOT_FOUND, "No usage source '" + cut(source) + "'. The connectors are "
                    + String.join(", ", unknown.known()) + "; a CSV profile's exports are posted to "
                    + "/api/v1/usage/sources/csv:<profile>/events.");
        }
        if (outcome instanceof PullUsage.Outcome.NotConfigured not) {
            return error(HttpStatus.CONFLICT, "The " + source + " connector is not configured: set "
                    + String.join(", ", not.settings()) + " and restart.");
        }
        if (outcome instanceof PullUsage.Outcome.CsvSource) {
            return error(HttpStatus.CONFLICT, "CSV sources are uploaded, not pulled.");
        }
        PullUsage.Outcome.Failed failed = (PullUsage.Outcome.Failed) outcome;
        return error(HttpStatus.FAILED_DEPENDENCY, source + " could not be read, nothing was stored: "
                + failed.message());
    }

    @Post(value = "/{source}/events", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Operation(operationId = "postUsageSourceExport", summary = "Take in a tool's export through a CSV profile",
            description = "The source is csv:<profile>, a profile of the programmes file's csv-profiles naming the "
                    + "export's columns (person, day, and optionally count and feature; headers match ignoring "
                    + "case). Each row counts for the workflows whose usage.source is csv:<profile> and whose "
                    + "features count the row's feature; once per workflow, person and day, so an export that "
                    + "overlaps an earlier one stores only what is new. ?batch= names the export; it defaults to "
                    + "the body's SHA-256, so the same file sent twice is a duplicate and stores nothing.")
    @ApiResponse(responseCode = "201", description = "Taken in",
            content = @Content(schema = @Schema(implementation = ExportResult.class)))
    @ApiResponse(responseCode = "200", description = "Nothing new: the batch was taken in before (duplicate=true), "
            + "or every use in it was already stored",
            content = @Content(schema = @Schema(implementation = ExportResult.class)))
    @ApiResponse(responseCode = "400", description = "Not a readable export: no header with the profile's columns, "
            + "no rows, a batch name over 100 characters")
    @ApiResponse(responseCode = "404", description = "No such CSV profile in the programmes file; the message names "
            + "the declared ones")
    @ApiResponse(responseCode = "409", description = "No workflow reads its use from this profile, or the source is "
            + "a connector, which is pulled")
    @ApiResponse(responseCode = "413", description = "More than 10,000 rows")
    @ApiResponse(responseCode = "422", description = "No row could be stored: each refused, naming someone unknown, "
            + "or with a feature no workflow counts", content = @Content(schema = @Schema(
            implementation = BatchNotStored.class)))
    @ApiResponse(responseCode = "503", description = "Right after start-up, the directory was still being read")
    HttpResponse<?> export(@PathVariable String source, @Body @Nullable String body,
                           @QueryValue("batch") @Nullable String batch) {
        if (!source.startsWith(UsageSpec.CSV_PREFIX)) {
            if (UsageSpec.CONNECTORS.contains(source)) {
                return error(HttpStatus.CONFLICT, source + " is pulled, not uploaded: POST /api/v1/usage/sources/"
                        + source + "/pull.");
            }
            return error(HttpStatus.NOT_FOUND, "No usage source '" + cut(source) + "' takes exports: post a tool's "
                    + "export to /api/v1/usage/sources/csv:<profile>/events, with a profile of the programmes "
                    + "file's csv-profiles.");
        }
        String name = source.substring(UsageSpec.CSV_PREFIX.length());
        Optional<CsvProfile> profile = csvExport.profile(name);
        if (profile.isEmpty()) {
            return unknownProfile(name, csvExport.profiles());
        }
        String text = body == null ? "" : body;
        UsageCsv.Parsed<ExportLine> parsed = UsageCsv.parse(text, RecordUsageBatch.MAX_ROWS, profile.get());
        if (parsed instanceof UsageCsv.Parsed.Unreadable<ExportLine> unreadable) {
            return error(HttpStatus.BAD_REQUEST, unreadable.reason());
        }
        if (parsed instanceof UsageCsv.Parsed.TooLarge) {
            return UsageController.tooLarge(RecordUsageBatch.MAX_ROWS + 1);
        }
        UsageCsv.Parsed.Rows<ExportLine> rows = (UsageCsv.Parsed.Rows<ExportLine>) parsed;
        Optional<HttpResponse<?>> reading = directory.stillReading();
        if (reading.isPresent()) {
            return reading.get();
        }
        String key = batch == null || batch.isBlank() ? sha256(text) : batch;
        RecordCsvExport.Outcome outcome = csvExport.record(name, key, rows.rows(), rows.unreadable());
        if (outcome instanceof RecordCsvExport.Outcome.UnknownProfile unknown) {
            return unknownProfile(name, unknown.known());
        }
        if (outcome instanceof RecordCsvExport.Outcome.Unused unused) {
            return error(HttpStatus.CONFLICT, "No workflow of the programmes file reads its use from "
                    + unused.source() + ", so nothing in the export could count. Give a workflow usage: { source: "
                    + unused.source() + " } first; nothing was stored.");
        }
        if (outcome instanceof RecordCsvExport.Outcome.Refused refused) {
            return error(HttpStatus.BAD_REQUEST, "Export refused: " + refused.reason() + ".");
        }
        return answer(((RecordCsvExport.Outcome.Taken) outcome).result());
    }

    private static HttpResponse<?> answer(ExportResult result) {
        if (result.stored() > 0) {
            return HttpResponse.status(HttpStatus.CREATED).body(result);
        }
        if (result.duplicate() || result.alreadyStored() > 0) {
            return HttpResponse.ok(result);
        }
        if (!result.rejected().isEmpty() || result.unknownPeople().count() > 0) {
            return HttpResponse.unprocessableEntity().body(BatchNotStored.of(new BatchResult(result.batch(), 0,
                    result.rejected(), result.unknownPeople().examples(), false)));
        }
        return error(HttpStatus.UNPROCESSABLE_ENTITY, "No row of the export counts for a workflow: "
                + result.notCounted() + " rows name a feature that no workflow reading " + result.source()
                + " lists in its usage.features. Nothing was stored.");
    }

    private static HttpResponse<?> unknownProfile(String name, List<String> known) {
        return error(HttpStatus.NOT_FOUND, "The programmes file declares no CSV profile '" + cut(name) + "'"
                + (known.isEmpty() ? "; add one under csv-profiles."
                : "; declared: " + String.join(", ", known) + "."));
    }

    private static HttpResponse<?> error(HttpStatus status, String message) {
        return HttpResponse.status(status).body(ApiError.of(message));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Echoes at most a little of what was sent. */
    private static String cut(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
