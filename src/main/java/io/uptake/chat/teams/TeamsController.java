package io.uptake.chat.teams;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;

/** The Teams messaging endpoint: {@code POST /api/messages}, as registered in the Azure Bot. */
@Controller("/api/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class TeamsController {

    /** Far above any real activity (Teams caps messages near 100 KB), far below the server's own limit. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final TeamsSettings settings;
    private final BeanProvider<InboundActivities> inbound;

    TeamsController(TeamsSettings settings, BeanProvider<InboundActivities> inbound) {
        this.settings = settings;
        this.inbound = inbound;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> receive(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                 @Nullable @Body String body) {
        InboundActivities.Answer answer;
        if (!inbound.isPresent()) {
            answer = InboundActivities.error(403, settings.offReason());
        } else if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            answer = InboundActivities.error(413, "The activity is larger than " + MAX_BODY_BYTES / 1024 + " KB.");
        } else {
            answer = inbound.get().handle(authorization, body);
        }
        MutableHttpResponse<String> response = HttpResponse.status(HttpStatus.valueOf(answer.status()));
        return answer.json() == null ? response
                : response.body(answer.json()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
