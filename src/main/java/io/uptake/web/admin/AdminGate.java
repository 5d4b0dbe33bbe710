package io.uptake.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.uptake.web.Frames;
import io.uptake.web.Viewer;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * The one check every admin page makes first: anyone but an admin gets a plain "not found" page, which says
 * nothing of what the page would have shown; and the page that answers bad input or reports what an action did.
 */
@Singleton
class AdminGate {

    private final Frames frames;

    AdminGate(Frames frames) {
        this.frames = frames;
    }

    /** The refusal for anyone who is not an admin; empty for an admin. */
    Optional<HttpResponse<?>> refuse(HttpRequest<?> request, @Nullable Authentication authentication) {
        boolean admin = frames.viewer(authentication).map(Viewer::admin).orElse(false);
        return admin ? Optional.empty() : Optional.of(message(request, authentication, HttpStatus.NOT_FOUND,
                "Page not found", "There is no page at this address.", "/", "Back to the programmes"));
    }

    /** A 400 page naming what was wrong with the input; nothing was stored. */
    HttpResponse<?> badRequest(HttpRequest<?> request, Authentication authentication, String message, String back) {
        return message(request, authentication, HttpStatus.BAD_REQUEST, "That did not work",
                message + " Nothing was changed.", back, "Go back");
    }

    /** A page that says one thing, with a link onwards. */
    HttpResponse<?> message(HttpRequest<?> request, @Nullable Authentication authentication, HttpStatus status,
                            String title, String message, String back, String backLabel) {
        return frames.page(request, authentication, "admin-message", title, "", Map.of("heading", title,
                "message", message, "back", back, "backLabel", backLabel)).status(status);
    }

    /** Parses a positive whole number from a form or address, empty when it is not one. */
    static Optional<Long> id(@Nullable String text) {
        if (text == null || !text.strip().matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text.strip()));
    }
}
