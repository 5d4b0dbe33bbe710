package io.uptake.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.delivery.DeadLetters;
import io.uptake.delivery.OutboxQueue;
import io.uptake.web.Frames;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox page: messages waiting, failed and dead-lettered (what they are and where they stand, never what they
 * say), and sending a failed or dead one again, the way the admin API does.
 */
@Controller("/outbox")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class OutboxPage {

    private final AdminGate gate;
    private final Frames frames;
    private final OutboxQueue queue;
    private final DeadLetters deadLetters;

    OutboxPage(AdminGate gate, Frames frames, OutboxQueue queue, DeadLetters deadLetters) {
        this.gate = gate;
        this.frames = frames;
        this.queue = queue;
        this.deadLetters = deadLetters;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> outbox(HttpRequest<?> request, Authentication authentication,
                           @Nullable @QueryValue String retried) {
        Optional<HttpResponse<?>> refused = gate.refuse(request, authentication);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, Object> model = new HashMap<>();
        Map<OutboxQueue.Filter, Long> counts = queue.counts();
        model.put("lists", List.of(
                list("failed", "Failed, waiting for another attempt", OutboxQueue.Filter.FAILED, counts, true),
                list("dead", "Dead-lettered", OutboxQueue.Filter.DEAD, counts, true),
                list("pending", "Waiting to be sent", OutboxQueue.Filter.PENDING, counts, false)));
        model.put("limit", OutboxQueue.LIMIT);
        model.put("retried", AdminGate.id(retried).orElse(null));
        return frames.page(request, authentication, "admin-outbox", "Outbox", "outbox", model);
    }

    /** One list of the page. */
    public record Listed(String id, String title, long count, List<OutboxQueue.Queued> rows, boolean retriable) {
    }

    private Listed list(String id, String title, OutboxQueue.Filter filter, Map<OutboxQueue.Filter, Long> counts,
                        boolean retriable) {
        return new Listed(id, title, counts.get(filter), queue.list(filter), retriable);
    }

    @Post(uri = "/{id}/retry", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> retry(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
            @Body Map<String, String> form) {
        Optional<HttpResponse<?>> refused = gate.refuseForm(request, authentication, form);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Long> message = AdminGate.id(id);
        if (message.isEmpty()) {
            return gate.badRequest(request, authentication, "A message is named by its number.", "/outbox");
        }
        if (deadLetters.retry(message.get()) || deadLetters.retryFailed(message.get())) {
            return HttpResponse.seeOther(URI.create("/outbox?retried=" + message.get()));
        }
        return gate.message(request, authentication, HttpStatus.NOT_FOUND, "Nothing to retry",
                "Message " + message.get() + " is not failed or dead-lettered (it may have been sent meanwhile).",
                "/outbox", "Back to the outbox");
    }
}
