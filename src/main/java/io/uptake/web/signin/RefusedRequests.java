package io.uptake.web.signin;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.uptake.web.Frames;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a browser sees when the dashboard refuses a request: a plain page in the layout, status 403, instead of
 * Micronaut's JSON error or an unexplained redirect. Two cases: a form refused (its form token missing, wrong or from
 * another session, or the session ended before it was sent) and a page the signed-in person may not see. A page
 * opened without a session still redirects to sign in; the API, the chat endpoints and every non-browser client keep
 * Micronaut's own answers (401 with a challenge, or 403).
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class RefusedRequests extends DefaultAuthorizationExceptionHandler {

    /** Paths outside the dashboard: they answer for themselves (the same list the form-token filter skips). */
    private static final Pattern NOT_DASHBOARD = Pattern.compile(
            "^/(api|slack|charts|health|prometheus|openapi|static)(/.*)?$");

    private final Frames frames;

    RefusedRequests(ErrorResponseProcessor<?> errorResponseProcessor, RedirectConfiguration redirectConfiguration,
                    RedirectService redirectService,
                    @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                    Frames frames) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, priorToLoginPersistence);
        this.frames = frames;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        HttpRequest<?> refused = request;
        if (NOT_DASHBOARD.matcher(refused.getPath()).matches() || !acceptsHtml(refused)) {
            return super.handle(request, exception);
        }
        boolean form = refused.getMethod() != HttpMethod.GET && refused.getMethod() != HttpMethod.HEAD;
        if (!form && !exception.isForbidden()) {
            return super.handle(request, exception);
        }
        return page(refused, exception, form);
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, AuthorizationException exception, boolean form) {
        MutableHttpResponse<String> page = frames.page(request, exception.getAuthentication(), "refused",
                form ? "Form refused" : "Not for you", "refused",
                Map.of("form", form, "signedIn", exception.getAuthentication() != null), HttpStatus.FORBIDDEN);
        page.getHeaders().add(HttpHeaders.CACHE_CONTROL, "no-store");
        return page;
    }

    private static boolean acceptsHtml(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE));
    }
}
