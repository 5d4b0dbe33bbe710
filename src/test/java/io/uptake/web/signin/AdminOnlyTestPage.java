package io.uptake.web.signin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.uptake.web.Viewers;

/** A page only the admin may open, for tests of what a signed-in person who may not see it is shown. */
@Controller
@Requires(property = "uptake.test.admin-only-page", value = "true")
@Secured(Viewers.ADMIN_ROLE)
class AdminOnlyTestPage {

    @Get(uri = "/test-admin-only", produces = MediaType.TEXT_PLAIN)
    String page() {
        return "admin only";
    }
}
