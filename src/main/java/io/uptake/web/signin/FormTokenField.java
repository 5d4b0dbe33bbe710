package io.uptake.web.signin;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.resolver.CsrfTokenResolver;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a dashboard form's token field before the security filters run, and hands it to the form-token check.
 *
 * <p>Why not Micronaut's own field resolver (switched off in application.yml): it reads the body from inside the
 * authentication filter, and when the body arrived after the headers (a separate packet, as any client may send it)
 * the request failed with a 500 (a null filter context in Micronaut 4.10's AroundLegacyFilter, met whenever a filter
 * after a legacy one, such as the metrics filter, finishes later than it started), so a correct form could fail at
 * random. Here the body is read ahead of them, on a worker thread that waits for it, so every filter after this one
 * runs straight through and the check finds the token at once.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class FormTokenField implements CsrfTokenResolver<HttpRequest<?>> {

    private static final String ATTRIBUTE = FormTokenField.class.getName();
    /** Paths the form-token check skips (application.yml), whose bodies are left alone here too. */
    private static final Pattern NOT_DASHBOARD = Pattern.compile(
            "^/(api|slack|charts|health|prometheus|openapi|static|try|demo)(/.*)?$");

    private final FilterBodyParser bodies;
    private final String field;

    FormTokenField(FilterBodyParser bodies, CsrfConfiguration csrf) {
        this.bodies = bodies;
        this.field = csrf.getFieldName();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> readForm(HttpRequest<?> request, FilterContinuation<MutableHttpResponse<?>> next) {
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD
                && !NOT_DASHBOARD.matcher(request.getPath()).matches()
                && request.getContentType().filter(FormTokenField::isForm).isPresent()) {
            Object token = bodies.parseBody(request).exceptionally(failure -> Map.of()).join().get(field);
            if (token != null) {
                request.setAttribute(ATTRIBUTE, token.toString());
            }
        }
        return next.proceed();
    }

    @Override
    public Optional<String> resolveToken(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).filter(token -> !token.isBlank());
    }

    private static boolean isForm(MediaType type) {
        return type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.matches(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    /** As a filter: ahead of the security filters. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
