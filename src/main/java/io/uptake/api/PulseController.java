package io.uptake.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.uptake.pulse.OpenRound;
import java.util.Optional;

/** Starts a pulse round now: an admin's "send now". */
@Controller("/api/v1/pulses")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Pulses")
@SecurityRequirement(name = "admin")
final class PulseController {

    private final OpenRound openRound;
    private final DirectoryWait directory;

    PulseController(OpenRound openRound, DirectoryWait directory) {
        this.openRound = openRound;
        this.directory = directory;
    }

    @Post("/{id}/rounds")
    @Operation(summary = "Open a round of the pulse now and send it to its whole audience at once",
            description = "Right after start-up it waits up to 10 s for the first directory read; if that is still "
                    + "going on it answers 503 with Retry-After and opens nothing.")
    HttpResponse<?> sendNow(String id) {
        Optional<HttpResponse<?>> reading = directory.stillReading();
        if (reading.isPresent()) {
            return reading.get();
        }
        OpenRound.Result result = openRound.now(id);
        if (result instanceof OpenRound.Result.Opened opened) {
            return HttpResponse.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(new RoundStarted(opened.roundId(), opened.recipients(), opened.skipped(), opened.created()));
        }
        if (result instanceof OpenRound.Result.NotOpened notOpened) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of("No round was opened: "
                    + notOpened.why() + ". People need a chat identity and must not have opted out or paused."));
        }
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of("No active pulse with id '" + id
                + "': GET /api/v1/pulses lists them."));
    }

    /**
     * @param created false when a round was already started in the same minute: this one is returned instead
     */
    @Serdeable
    record RoundStarted(long roundId, int recipients, int skipped, boolean created) {
    }
}
