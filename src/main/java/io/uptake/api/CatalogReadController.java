package io.uptake.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.uptake.catalog.CatalogViews.DigestView;
import io.uptake.catalog.CatalogViews.ProgrammeView;
import io.uptake.catalog.CatalogViews.PulseView;
import io.uptake.catalog.ReadCatalog;
import java.util.List;

/** Reads the stored catalogue: programmes with their workflows, pulses and digests. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Catalogue")
@SecurityRequirement(name = "admin")
final class CatalogReadController {

    private final ReadCatalog read;

    CatalogReadController(ReadCatalog read) {
        this.read = read;
    }

    @Get("/programmes")
    @Operation(summary = "Programmes with their workflows (owner, stage, outcome, audience)")
    List<ProgrammeView> programmes(@QueryValue(value = "include-retired", defaultValue = "false") boolean retired) {
        return read.programmes(retired);
    }

    @Get("/programmes/{id}")
    @Operation(summary = "One programme, retired workflows included")
    HttpResponse<?> programme(String id) {
        return read.programme(id).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> notFound("programme", id));
    }

    @Get("/workflows/{id}")
    @Operation(summary = "One workflow with its stage history")
    HttpResponse<?> workflow(String id) {
        return read.workflow(id).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> notFound("workflow", id));
    }

    @Get("/pulses")
    @Operation(summary = "Declared pulses")
    List<PulseView> pulses(@QueryValue(value = "include-retired", defaultValue = "false") boolean retired) {
        return read.pulses(retired);
    }

    @Get("/digests")
    @Operation(summary = "Digest subscriptions")
    List<DigestView> digests(@QueryValue(value = "include-retired", defaultValue = "false") boolean retired) {
        return read.digests(retired);
    }

    private static HttpResponse<ApiError> notFound(String kind, String id) {
        return HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(ApiError.of(
                "No " + kind + " with id '" + id + "': GET /api/v1/programmes lists them all."));
    }
}
