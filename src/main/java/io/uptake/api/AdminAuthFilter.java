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
 * Guards the admin API with the bearer token {@code UPTAKE_ADMIN_TOKEN}; without a configured token the admin
 * API is off altogether.
 */
@ServerFilter(AdminAuthFilter.PATTERN)
final class AdminAuthFilter {

    static final String PATTERN = "/api/v1/**";

    private final BearerToken token;

    AdminAuthFilter(@Value("${uptake.admin-token:}") String token) {
        this.token = BearerToken.configured(token).orElse(null);
    }

    @RequestFilter
    @Nullable
    HttpResponse<ApiError> authorise(HttpRequest<?> request) {
        if (token == null) {
            return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE).body(ApiError.of(
                    "The admin API is off: set UPTAKE_ADMIN_TOKEN to a long random secret and restart to turn it on."));
        }
        return switch (token.check(request)) {
            case NONE -> unauthorised("Send the admin token as 'Authorization: Bearer <UPTAKE_ADMIN_TOKEN>'.");
            case WRONG -> unauthorised("The bearer token is not the admin token.");
            case RIGHT -> null;
        };
    }

    private static HttpResponse<ApiError> unauthorised(String message) {
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED).body(ApiError.of(message))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"uptake-admin\"");
    }
}
