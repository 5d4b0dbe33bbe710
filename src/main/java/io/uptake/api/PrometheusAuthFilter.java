package io.uptake.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Guards {@code GET /prometheus} with its own bearer token {@code UPTAKE_PROMETHEUS_TOKEN} when one is set; without
 * one the endpoint is open like {@code /health}.
 *
 * <p>A token of its own rather than the admin token: a scraper's configuration is read by more people than the admin
 * secret should be, and the series carry workspace and tenant ids but no names, answers or message text.
 */
@ServerFilter({"/prometheus", PrometheusAuthFilter.PATTERN})
final class PrometheusAuthFilter {

    static final String PATTERN = "/prometheus/**";

    private final BearerToken token;

    PrometheusAuthFilter(@Value("${uptake.prometheus-token:}") String token) {
        this.token = BearerToken.configured(token).orElse(null);
    }

    @RequestFilter
    @Nullable
    HttpResponse<ApiError> authorise(HttpRequest<?> request) {
        if (token == null) {
            return null;
        }
        if (token.check(request) != BearerToken.Presented.RIGHT) {
            return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                    .body(ApiError.of("Send 'Authorization: Bearer <UPTAKE_PROMETHEUS_TOKEN>' to read the metrics."))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"uptake-prometheus\"");
        }
        return null;
    }
}
