package io.uptake.web.programmes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.uptake.web.Frames;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The plain pages these pages answer with when they cannot show what was asked: 400 for a week that is not one,
 * 404 for a workflow that does not exist or that the viewer may not see (the same page, so a page never tells
 * whether a workflow they may not see exists).
 */
@Singleton
class ErrorPages {

    private final Frames frames;

    ErrorPages(Frames frames) {
        this.frames = frames;
    }

    HttpResponse<?> badRequest(HttpRequest<?> request, @Nullable Authentication authentication, String message) {
        return frames.page(request, authentication, "programmes-error", "Cannot show that week", "programmes",
                Map.of("heading", "Cannot show that week", "message", message), HttpStatus.BAD_REQUEST);
    }

    HttpResponse<?> workflowNotFound(HttpRequest<?> request, @Nullable Authentication authentication) {
        return frames.page(request, authentication, "programmes-error", "Workflow not found", "programmes",
                Map.of("heading", "Workflow not found", "message", "There is no workflow at this address that you "
                        + "can see. Check the link, or go back to the programmes."), HttpStatus.NOT_FOUND);
    }

    HttpResponse<?> boardSummary(HttpRequest<?> request, @Nullable Authentication authentication, String message,
                                 HttpStatus status) {
        return frames.page(request, authentication, "programmes-error", "Cannot show that board summary",
                "programmes", Map.of("heading", "Cannot show that board summary", "message", message), status);
    }
}
