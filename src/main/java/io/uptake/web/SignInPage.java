package io.uptake.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.HashMap;
import java.util.Map;

/**
 * The sign-in page. The form posts to Micronaut Security's login endpoint ({@code POST /sign-in}), which checks the
 * admin token ({@link AdminTokenSignIn}) and sets the session cookie.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class SignInPage {

    private final Frames frames;

    SignInPage(Frames frames) {
        this.frames = frames;
    }

    @Get(uri = "/sign-in", produces = MediaType.TEXT_HTML)
    HttpResponse<?> signIn(HttpRequest<?> request, @Nullable Authentication authentication,
                           @Nullable @QueryValue("failed") Boolean failed,
                           @Nullable @QueryValue("signed-out") Boolean signedOut) {
        Map<String, Object> model = new HashMap<>();
        model.put("failed", Boolean.TRUE.equals(failed));
        model.put("signedOut", Boolean.TRUE.equals(signedOut));
        return frames.page(request, authentication, "sign-in", "Sign in", "sign-in", model);
    }
}
