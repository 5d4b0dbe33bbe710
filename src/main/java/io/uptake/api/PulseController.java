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

/** Starts a pulse round now: an admin's "send now". */
@Controller("/api/v1/pulses")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Pulses")
@SecurityRequirement(name = "admin")
final class PulseController {

    private final OpenRound openRound;

    PulseController(OpenRound openRound) {
        this.openRound = openRound;
    }

    @Post("/{id}/rounds")
    @Operation(summary = "Open a round of the pulse now and send it to its whole audience at once")
    HttpResponse<?> sendNow(String id) {
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
