package io.uptake.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.repository.CsrfLoginCookieProvider;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Frames a page: puts the {@link Frame} into its model (as {@code frame}) and makes sure the browser holds the form
 * token cookie the page's forms repeat.
 */
@Singleton
public class Frames {

    private final Viewers viewers;
    private final CsrfLoginCookieProvider csrfCookies;
    private final CsrfConfiguration csrf;
    private final boolean demo;

    Frames(Viewers viewers, CsrfLoginCookieProvider csrfCookies, CsrfConfiguration csrf,
            @Value("${uptake.demo:false}") boolean demo) {
        this.viewers = viewers;
        this.csrfCookies = csrfCookies;
        this.csrf = csrf;
        this.demo = demo;
    }

    /** The viewer of a signed-in request, empty when nobody is signed in. */
    public Optional<Viewer> viewer(@Nullable Authentication authentication) {
        return Optional.ofNullable(authentication).map(viewers::of);
    }

    /** A page rendered with {@code view} and {@code model}, framed. */
    public MutableHttpResponse<ModelAndView<Map<String, Object>>> page(HttpRequest<?> request,
                                                                       @Nullable Authentication authentication,
                                                                       String view, String title, String section,
                                                                       Map<String, Object> model) {
        Optional<Cookie> held = request.getCookies().findCookie(csrf.getCookieName());
        Cookie issued = held.isPresent() ? null : csrfCookies.provideCookie(request);
        String token = held.map(Cookie::getValue).orElseGet(() -> issued.getValue());
        Map<String, Object> framed = new HashMap<>(model);
        framed.put("frame", new Frame(title, section, viewer(authentication).orElse(null), demo, token));
        MutableHttpResponse<ModelAndView<Map<String, Object>>> response = HttpResponse.ok(
                new ModelAndView<>(view, framed));
        if (issued != null) {
            response.cookie(issued);
        }
        return response;
    }
}
