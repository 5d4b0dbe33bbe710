package io.uptake.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses a dashboard form posted from another site (cross-site request forgery), before anything reads its body.
 *
 * <p>A browser says where a request comes from: {@code Origin} on every form post, and the Fetch Metadata header
 * {@code Sec-Fetch-Site}. A post whose {@code Origin} is not this service's own (the {@code Host} it was sent to, or
 * {@code UPTAKE_PUBLIC_URL}), or that the browser marks {@code cross-site} or {@code same-site}, is refused with 403.
 * A request with neither header did not come from a browser, so no signed-in person's cookie can have been borrowed.
 * The session cookie is also {@code SameSite=Lax}. It stands beside the form token (double-submit cookie, checked by
 * Micronaut Security) as a second, independent check; the chat endpoints, the bearer-token API and static files are
 * outside it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SameOriginForms {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);
    private static final Pattern OUTSIDE = Pattern.compile(
            "^/(api|slack|charts|health|prometheus|openapi|static)(/|$)");

    private final @Nullable String publicOrigin;

    SameOriginForms(@Value("${uptake.public-url:}") String publicUrl) {
        this.publicOrigin = origin(publicUrl);
    }

    @RequestFilter
    @Nullable
    HttpResponse<byte[]> refuseForeignForms(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod()) || OUTSIDE.matcher(request.getPath()).find()) {
            return null;
        }
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return refused();
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return null;
        }
        String sent = origin.strip().toLowerCase(Locale.ROOT);
        String host = request.getHeaders().get(HttpHeaders.HOST);
        boolean own = host != null && (sent.equals("http://" + host.toLowerCase(Locale.ROOT))
                || sent.equals("https://" + host.toLowerCase(Locale.ROOT)));
        return own || sent.equals(publicOrigin) ? null : refused();
    }

    private static HttpResponse<byte[]> refused() {
        return HttpResponse.<byte[]>status(HttpStatus.FORBIDDEN).header(HttpHeaders.CONTENT_TYPE,
                MediaType.TEXT_HTML + ";charset=utf-8").body(REFUSED);
    }

    private static final byte[] REFUSED = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Refused – Uptake</title></head>
                <body><main><h1>Refused</h1><p>This form was sent from another site, so Uptake did not act on it.
                Open Uptake's own page and send the form from there.</p><p><a href="/">Back to the dashboard</a></p>
                </main></body></html>""".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static @Nullable String origin(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return (uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
