package io.uptake.api;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.uptake.people.DirectoryRead;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Reports on {@code /health} whether the chat directories have been read since start-up: DOWN, "reading the
 * directory", until the first read is done, since pulses and usage need the audiences it brings.
 */
@Singleton
final class DirectoryHealthIndicator implements HealthIndicator {

    private final DirectoryRead directory;

    DirectoryHealthIndicator(DirectoryRead directory) {
        this.directory = directory;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean done = directory.done();
        return Publishers.just(HealthResult.builder("directory", done ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("state", done ? "read" : "reading the directory")).build());
    }
}
