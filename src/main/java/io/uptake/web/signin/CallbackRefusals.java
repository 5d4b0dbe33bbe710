package io.uptake.web.signin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;

/**
 * Sends a browser whose Slack or Microsoft sign-in failed anywhere in Micronaut Security's callback back to the
 * sign-in page with the reason in plain words, instead of a bare error status: an ID token whose issuer or audience
 * is not this client's (Micronaut answers 401 with no body), a provider that answered the code with an error, the
 * person cancelling on the provider's page (Micronaut redirects that to the admin token's failure message), or a
 * callback whose state no longer matches.
 */
@ServerFilter("/oauth/callback/**")
final class CallbackRefusals {

    @ResponseFilter
    MutableHttpResponse<?> refused(MutableHttpResponse<?> response) {
        boolean toFailure = response.getHeaders().findFirst(HttpHeaders.LOCATION)
                .filter(location -> location.startsWith("/sign-in?failed")).isPresent();
        if (response.code() < 400 && !toFailure) {
            return response;
        }
        return HttpResponse.seeOther(URI.create("/sign-in?refused=provider"));
    }
}
