package io.uptake.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Shapes the framework's own errors (unknown route, unreadable body, missing argument) as {@link ApiError}.
 * Server faults never carry exception text to the caller: it is in the log.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class JsonErrors implements ErrorResponseProcessor<ApiError> {

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        ApiError body;
        if (status.getCode() >= 500) {
            body = ApiError.of("Something went wrong inside Uptake; the service log has the details.");
        } else if (status == HttpStatus.NOT_FOUND) {
            body = ApiError.of("Nothing here: " + context.getRequest().getMethod() + " "
                    + context.getRequest().getPath() + " is not an Uptake endpoint.");
        } else {
            List<String> messages = context.getErrors().stream().map(Error::getMessage).toList();
            String message = messages.isEmpty() ? status.getReason() : messages.get(0);
            body = new ApiError(message, messages.size() > 1 ? messages : null);
        }
        return response.body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
