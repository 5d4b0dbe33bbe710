package io.uptake.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.uptake.delivery.DeadLetters;
import java.util.List;

/** Messages the bot could not deliver. */
@Controller("/api/v1/outbox")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Outbox")
@SecurityRequirement(name = "admin")
final class OutboxController {

    private final DeadLetters deadLetters;

    OutboxController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Get("/dead")
    @Operation(summary = "Dead-lettered messages: retries used up, or refused by the platform")
    List<DeadLetters.DeadLetter> dead() {
        return deadLetters.list();
    }

    @Post("/dead/{id}/retry")
    @Operation(summary = "Queue a dead-lettered message again, with its attempts reset")
    HttpResponse<?> retry(long id) {
        return deadLetters.retry(id) ? HttpResponse.accepted()
                : HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of("No dead-lettered message " + id
                        + ": GET /api/v1/outbox/dead lists them."));
    }
}
