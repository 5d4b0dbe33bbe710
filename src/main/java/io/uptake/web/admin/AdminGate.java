package io.uptake.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import io.uptake.web.Frames;
import io.uptake.web.Viewer;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every admin page makes first: anyone but an admin gets a plain "not found" page, which says nothing of
 * what the page would have shown; a form must carry the form token. Also the page that answers bad input or
 * reports what an action did.
 *
 * <p>The form token of these pages is checked here, once the form is read, not by Micronaut Security's filter
 * (application.yml leaves these paths out of it): the filter reads the token from the body and, when the body comes
 * after the headers (a long programmes file), fails with a 500 inside the security filter (micronaut-security issue
 * 1984). The check is the same: the field must match the form token cookie (double submit).
 */
@Singleton
class AdminGate {

    private final Frames frames;
    private final CsrfTokenValidator<HttpRequest<?>> formTokens;

    AdminGate(Frames frames, CsrfTokenValidator<HttpRequest<?>> formTokens) {
        this.frames = frames;
        this.formTokens = formTokens;
    }

    /**
     * The refusal of a form posted by anyone but an admin (404) or without the form token of this browser (403);
     * empty when the form may be acted on.
     */
    Optional<HttpResponse<?>> refuseForm(HttpRequest<?> request, @Nullable Authentication authentication,
                                         Map<String, String> form) {
        Optional<HttpResponse<?>> notAdmin = refuse(request, authentication);
        if (notAdmin.isPresent()) {
            return notAdmin;
        }
        String token = form.get(FORM_TOKEN);
        if (token == null || token.isBlank() || !formTokens.validateCsrfToken(request, token)) {
            return Optional.of(message(request, authentication, HttpStatus.FORBIDDEN, "Form expired",
                    "This form did not carry this browser's form token, so nothing was done. Open the page again "
                            + "and repeat.", "/", "Back to the programmes"));
        }
        return Optional.empty();
    }

    /** The form field that carries the form token (layout's fragments :: csrf). */
    static final String FORM_TOKEN = "csrfToken";

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
                "message", message, "back", back, "backLabel", backLabel), status);
    }

    /** Parses a positive whole number from a form or address, empty when it is not one. */
    static Optional<Long> id(@Nullable String text) {
        if (text == null || !text.strip().matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text.strip()));
    }
}
