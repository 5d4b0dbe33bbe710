package io.uptake.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.uptake.catalog.CatalogState;
import io.uptake.catalog.CatalogViews.CatalogStatusView;
import io.uptake.catalog.ReloadCatalog;
import io.uptake.catalog.SyncReport;
import io.uptake.message.Words;

/** The programmes file: its state, and reloading it. */
@Controller("/api/v1/catalog")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Catalogue")
@SecurityRequirement(name = "admin")
final class CatalogController {

    private final CatalogState state;
    private final ReloadCatalog reload;

    CatalogController(CatalogState state, ReloadCatalog reload) {
        this.state = state;
        this.reload = reload;
    }

    @Get
    @Operation(summary = "Where the catalogue stands: loaded, rejected (with the file's mistakes) or not configured")
    CatalogStatusView status() {
        CatalogState.Snapshot s = state.current();
        return new CatalogStatusView(s.status().name().toLowerCase(java.util.Locale.ROOT), s.source(), s.loadedAt(),
                s.attemptedAt(), s.lastErrors());
    }

    @Post("/reload")
    @Operation(summary = "Re-read the programmes file; a file with mistakes is refused and the catalogue in force kept;"
            + " a file that would retire every programme or more than half of the workflows is held (409) unless"
            + " confirm-retire=true")
    HttpResponse<?> reload(@Nullable @QueryValue("confirm-retire") Boolean confirmRetire) {
        ReloadCatalog.Result result = reload.reload(Boolean.TRUE.equals(confirmRetire));
        if (result instanceof ReloadCatalog.Result.Held held) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of(held.message()));
        }
        if (result instanceof ReloadCatalog.Result.Loaded loaded) {
            return HttpResponse.ok(new Reloaded(loaded.source(), loaded.report().summary(), loaded.report()));
        }
        if (result instanceof ReloadCatalog.Result.Rejected rejected) {
            String kept = rejected.previousKept() ? "the previous catalogue is still in force"
                    : "no catalogue is in force";
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ApiError(
                    "The programmes file " + rejected.source() + " has "
                            + Words.count(rejected.errors().size(), "mistake") + " and was not loaded; " + kept
                            + ". Fix " + (rejected.errors().size() == 1 ? "it" : "them") + " and reload.",
                    rejected.errors()));
        }
        return HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of(
                "No programmes file is configured: set UPTAKE_CATALOG to its path and restart."));
    }

    /** The answer to an accepted reload. */
    @io.micronaut.serde.annotation.Serdeable
    record Reloaded(String source, String summary, SyncReport report) {
    }
}
