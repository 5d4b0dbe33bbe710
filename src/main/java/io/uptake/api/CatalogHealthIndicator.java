package io.uptake.api;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.uptake.catalog.CatalogState;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * Reports the catalogue on {@code /health}. A rejected file does not make the service unhealthy: it runs on
 * the last good catalogue, and the admin API lists the mistakes. A file held back because it would retire most of
 * the catalogue says so, and why.
 */
@Singleton
final class CatalogHealthIndicator implements HealthIndicator {

    private final CatalogState state;

    CatalogHealthIndicator(CatalogState state) {
        this.state = state;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        CatalogState.Snapshot s = state.current();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", s.status().name().toLowerCase(Locale.ROOT));
        // A held file leaves the stored catalogue in force, even at start-up when none was read in this run.
        details.put("inForce", s.catalog().isPresent() || s.status() == CatalogState.Status.HELD);
        s.catalog().ifPresent(c -> {
            details.put("programmes", c.programmes().size());
            details.put("workflows", c.workflows().size());
            details.put("pulses", c.pulses().size());
            details.put("digests", c.digests().size());
        });
        if (s.status() == CatalogState.Status.HELD) {
            details.put("held", s.lastErrors().get(0).message());
        } else if (!s.lastErrors().isEmpty()) {
            details.put("errors", s.lastErrors().size());
        }
        return Publishers.just(HealthResult.builder("catalog", HealthStatus.UP).details(details).build());
    }
}
