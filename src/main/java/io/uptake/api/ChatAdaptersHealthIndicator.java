package io.uptake.api;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.uptake.chat.ChatAdapters;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/** Reports on {@code /health} which chat adapters are on; running with none is healthy. */
@Singleton
final class ChatAdaptersHealthIndicator implements HealthIndicator {

    private final ChatAdapters adapters;

    ChatAdaptersHealthIndicator(ChatAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (ChatAdapters.Adapter adapter : adapters.all()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("on", adapter.on());
            one.put("mode", adapter.mode());
            if (!adapter.advice().isEmpty()) {
                one.put("advice", adapter.advice());
            }
            details.put(adapter.name(), one);
        }
        return Publishers.just(HealthResult.builder("chat", HealthStatus.UP).details(details).build());
    }
}
