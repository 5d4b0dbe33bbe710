package io.uptake.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;

/** A page whose template fails while it renders, for tests of what a reader is shown then. */
@Controller
@Requires(property = "uptake.test.broken-page", value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
class BrokenTestPage {

    private final Frames frames;

    BrokenTestPage(Frames frames) {
        this.frames = frames;
    }

    @Get(uri = "/test-broken", produces = MediaType.TEXT_HTML)
    Object page(HttpRequest<?> request, @Nullable Authentication authentication) {
        return frames.page(request, authentication, "test-broken", "Broken", "programmes", Map.of());
    }
}
