package io.uptake.web.signin;

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
import io.uptake.web.Frames;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The sign-in page: a button for each OpenID Connect sign-in that is configured ({@link SignInProviders}), and the
 * admin token form, which posts to Micronaut Security's login endpoint ({@code POST /sign-in}, checked by
 * {@code io.uptake.web.AdminTokenSignIn}). Says in plain words why the last attempt was refused.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class SignInPage {

    private static final Set<String> REFUSALS = Set.of("email", "provider");

    private final Frames frames;
    private final SignInProviders providers;

    SignInPage(Frames frames, SignInProviders providers) {
        this.frames = frames;
        this.providers = providers;
    }

    @Get(uri = "/sign-in", produces = MediaType.TEXT_HTML)
    HttpResponse<?> signIn(HttpRequest<?> request, @Nullable Authentication authentication,
                           @Nullable @QueryValue("failed") Boolean failed,
                           @Nullable @QueryValue("refused") String refused,
                           @Nullable @QueryValue("signed-out") Boolean signedOut) {
        Map<String, Object> model = new HashMap<>();
        model.put("failed", Boolean.TRUE.equals(failed));
        model.put("refused", refused != null && REFUSALS.contains(refused) ? refused : "");
        model.put("signedOut", Boolean.TRUE.equals(signedOut));
        model.put("offers", providers.offered());
        return frames.page(request, authentication, "sign-in", "Sign in", "sign-in", model);
    }
}
