package io.uptake.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.uptake.chat.web.DirectoryUser;
import io.uptake.chat.web.WebDirectory;
import io.uptake.web.Viewers;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * In demo mode nobody signs in: whoever opens the dashboard is the demo's admin, or the person whose viewpoint they
 * chose ({@link DemoViewpointPage}), kept in a cookie. A session signed in the ordinary way still wins: this is asked
 * last.
 */
@Singleton
@Requires(property = "uptake.demo", value = "true")
class DemoViewpoint implements AuthenticationFetcher<HttpRequest<?>> {

    /** The cookie that holds the chosen viewpoint: {@link #ADMIN} or a person's email. */
    static final String COOKIE = "uptake_demo_view";
    static final String ADMIN = "admin";

    private final WebDirectory directory;

    DemoViewpoint(WebDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String chosen = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(ADMIN);
        return Publishers.just(person(chosen).map(u -> Authentication.build(u.email(), List.of(),
                        Map.<String, Object>of(Viewers.EMAIL, u.email(), "name", u.name())))
                .orElseGet(() -> Authentication.build("demo-admin", List.of(Viewers.ADMIN_ROLE),
                        Map.<String, Object>of("name", "Demo admin"))));
    }

    /** The person of the demo behind a viewpoint; empty for the admin (or an email the demo does not have). */
    Optional<DirectoryUser> person(String chosen) {
        return directory.users().stream().filter(u -> u.email().equalsIgnoreCase(chosen)).findFirst();
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
