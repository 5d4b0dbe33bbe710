package io.uptake.web.signin;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import io.uptake.web.Frames;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
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
    private final ViewsRendererLocator views;

    RefusedRequests(ErrorResponseProcessor<?> errorResponseProcessor, RedirectConfiguration redirectConfiguration,
                    RedirectService redirectService,
                    @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                    Frames frames, ViewsRendererLocator views) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, priorToLoginPersistence);
        this.frames = frames;
        this.views = views;
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
        MutableHttpResponse<ModelAndView<Map<String, Object>>> framed = frames.page(request,
                exception.getAuthentication(), "refused", form ? "Form refused" : "Not for you", "refused",
                Map.of("form", form, "signedIn", exception.getAuthentication() != null));
        ModelAndView<Map<String, Object>> body = framed.body();
        String html = render(body.getView().orElseThrow(), body.getModel().orElseThrow(), request);
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8").body(html);
        List<String> cookies = framed.getHeaders().getAll(HttpHeaders.SET_COOKIE);
        cookies.forEach(cookie -> response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie));
        response.getHeaders().add(HttpHeaders.CACHE_CONTROL, "no-store");
        return response;
    }

    @SuppressWarnings("unchecked")
    private String render(String view, Map<String, Object> model, HttpRequest<?> request) {
        ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer = views
                .resolveViewsRenderer(view, MediaType.TEXT_HTML, model)
                .orElseThrow(() -> new IllegalStateException("no renderer for the view " + view));
        Writable writable = renderer.render(view, model, request);
        StringWriter out = new StringWriter();
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static boolean acceptsHtml(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE));
    }
}
