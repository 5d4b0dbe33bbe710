package io.uptake.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.repository.CsrfLoginCookieProvider;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames a page: puts the {@link Frame} into its model (as {@code frame}), renders it, and makes sure the browser
 * holds the form token cookie the page's forms repeat.
 *
 * <p>The page is rendered here, before the response starts, rather than streamed by Micronaut Views afterwards: a
 * template that fails half way through a streamed response leaves the browser waiting for a page that never ends.
 * Rendered here, a failure is logged and the reader gets a plain error page at once.
 */
@Singleton
public class Frames {

    private static final Logger LOG = LoggerFactory.getLogger(Frames.class);
    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    /** Shown when a page could not be rendered; it needs no template, so it cannot fail the same way. */
    static final String FAILED = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Page not shown - Uptake</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="stylesheet" href="/static/uptake.css"></head>
            <body><main class="page"><h1>This page could not be shown</h1>
            <p>Uptake failed while preparing it and has logged why. Your data is unchanged.
            Go back to <a href="/">the programmes</a>, or try again in a moment.</p></main></body></html>
            """;

    private final Viewers viewers;
    private final CsrfLoginCookieProvider csrfCookies;
    private final CsrfConfiguration csrf;
    private final ViewsRendererLocator renderers;
    private final boolean demo;

    Frames(Viewers viewers, CsrfLoginCookieProvider csrfCookies, CsrfConfiguration csrf,
            ViewsRendererLocator renderers, @Value("${uptake.demo:false}") boolean demo) {
        this.viewers = viewers;
        this.csrfCookies = csrfCookies;
        this.csrf = csrf;
        this.renderers = renderers;
        this.demo = demo;
    }

    /** The viewer of a signed-in request, empty when nobody is signed in. */
    public Optional<Viewer> viewer(@Nullable Authentication authentication) {
        return Optional.ofNullable(authentication).map(viewers::of);
    }

    /** A page rendered with {@code view} and {@code model}, framed; 200 unless it could not be rendered. */
    public MutableHttpResponse<String> page(HttpRequest<?> request, @Nullable Authentication authentication,
                                            String view, String title, String section, Map<String, Object> model) {
        return page(request, authentication, view, title, section, model, HttpStatus.OK);
    }

    /** A page answered with {@code status}, or with 500 and a plain page when it could not be rendered. */
    public MutableHttpResponse<String> page(HttpRequest<?> request, @Nullable Authentication authentication,
                                            String view, String title, String section, Map<String, Object> model,
                                            HttpStatus status) {
        Optional<Cookie> held = request.getCookies().findCookie(csrf.getCookieName());
        Cookie issued = held.isPresent() ? null : csrfCookies.provideCookie(request);
        String token = held.map(Cookie::getValue).orElseGet(() -> issued.getValue());
        Map<String, Object> framed = new HashMap<>(model);
        framed.put("frame", new Frame(title, section, viewer(authentication).orElse(null), demo, token));
        MutableHttpResponse<String> response = render(view, framed, request)
                .map(html -> HttpResponse.<String>status(status).body(html))
                .orElseGet(() -> HttpResponse.<String>status(HttpStatus.INTERNAL_SERVER_ERROR).body(FAILED)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"));
        response.contentType(HTML);
        if (issued != null) {
            response.cookie(issued);
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private Optional<String> render(String view, Map<String, Object> model, HttpRequest<?> request) {
        try {
            ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer = renderers
                    .resolveViewsRenderer(view, MediaType.TEXT_HTML, model)
                    .orElseThrow(() -> new IllegalStateException("no template renders the view " + view));
            Writable writable = renderer.render(view, model, request);
            StringWriter out = new StringWriter();
            writable.writeTo(out);
            return Optional.of(out.toString());
        } catch (Exception e) {
            LOG.error("The page {} could not be rendered for {}", view, request.getPath(), e);
            return Optional.empty();
        }
    }
}
