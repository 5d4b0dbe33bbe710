package io.uptake.api;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.uptake.metrics.CheckUsageSources;
import io.uptake.metrics.CheckUsageSources.SourceState;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Reports on {@code /health}, under {@code usage}, how fresh each usage source is: the newest day it delivered,
 * its last attempt and error, and whether it is late. A late source leaves the service UP: a tool that stops
 * delivering is not this service down, and the digest and scorecard already say their figures are old. So the
 * detail says it plainly instead: {@code late} lists the sources behind, and each source has its own words.
 */
@Singleton
final class UsageSourcesHealthIndicator implements HealthIndicator {

    /** The longest error shown: a vendor's message, not its whole response. */
    private static final int MAX_ERROR = 300;

    private final CheckUsageSources sources;

    UsageSourcesHealthIndicator(CheckUsageSources sources) {
        this.sources = sources;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        List<SourceState> states;
        try {
            states = sources.sources();
        } catch (IllegalStateException e) {
            // The database indicator reports the database itself; this one only cannot say more.
            return Publishers.just(HealthResult.builder("usage", HealthStatus.UP)
                    .details(Map.of("error", "the usage sources could not be read")).build());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> late = states.stream().filter(s -> s.stale() || s.anonymised()).map(SourceState::source)
                .toList();
        details.put("late", late);
        if (!late.isEmpty()) {
            details.put("message", late.size() + " of " + states.size() + " usage sources are late or hide their "
                    + "users: figures built on them are old, and the digest says so. The service itself is up.");
        }
        Map<String, Object> each = new LinkedHashMap<>();
        states.forEach(s -> each.put(s.source(), source(s)));
        details.put("sources", each);
        return Publishers.just(HealthResult.builder("usage", HealthStatus.UP).details(details).build());
    }

    private static Map<String, Object> source(SourceState s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stale", s.stale() ? "yes" : "no");
        d.put("deliveredThrough", s.deliveredThrough() == null ? "nothing yet" : s.deliveredThrough().toString());
        if (s.daysBehind() != null) {
            d.put("daysBehind", s.daysBehind());
        }
        d.put("expectedLagDays", s.expectedLagDays());
        d.put("lastAttemptAt", s.lastAttemptAt() == null ? "never" : s.lastAttemptAt().toString());
        d.put("lastSuccessAt", s.lastSuccessAt() == null ? "never" : s.lastSuccessAt().toString());
        if (s.lastError() != null) {
            d.put("lastError", s.lastError().length() > MAX_ERROR ? s.lastError().substring(0, MAX_ERROR) + "…"
                    : s.lastError());
        }
        d.put("anonymised", s.anonymised());
        d.put("lastStored", s.lastStored());
        d.put("workflows", s.workflows());
        d.put("summary", summary(s));
        return d;
    }

    private static String summary(SourceState s) {
        String when = s.deliveredThrough() == null ? s.name() + " has delivered nothing yet"
                : s.name() + " has delivered up to " + s.deliveredThrough() + ", " + s.daysBehind() + " days ago";
        String verdict = s.stale() ? "late (expected within " + s.expectedLagDays() + " days)" : "on time";
        return when + ": " + verdict + (s.anonymised() ? "; it hides user names, so no use is counted" : "")
                + (s.lastError() != null ? "; the last attempt failed" : "") + ".";
    }
}
