package io.uptake.delivery;

import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces sends to each platform tenant evenly at its configured rate, and holds a tenant back after a 429.
 *
 * <p>Slots follow one another one interval apart. A lane that fell behind, because every send in flight was slow
 * at once (a garbage-collection pause, a slow commit, a busy CPU), may make up at most {@code concurrency} of the
 * slots it missed, back to back: short stalls then cost no throughput, and a dispatcher that was idle or far behind
 * still does not catch up in a burst larger than that.
 */
@Singleton
class Pacer {

    private final DeliverySettings settings;
    private final Clock clock;
    private final Map<String, Instant> lastSlot = new ConcurrentHashMap<>();
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    Pacer(DeliverySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Reserves the next slot for a send and returns when it is. */
    Instant reserve(Envelope envelope) {
        String key = lane(envelope);
        Duration interval = interval(envelope);
        Instant now = clock.instant();
        return lastSlot.compute(key, (k, last) -> {
            Instant earliest = last == null ? now : last.plus(interval);
            Instant paused = pausedUntil.get(tenant(envelope.platform(), envelope.tenantId()));
            Instant oldestMissed = now.minus(interval.multipliedBy(settings.concurrency()));
            Instant slot = earliest.isBefore(oldestMissed) ? oldestMissed : earliest;
            return paused != null && paused.isAfter(slot) ? paused : slot;
        });
    }

    void pause(Platform platform, String tenantId, Instant until) {
        pausedUntil.merge(tenant(platform, tenantId), until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** When the tenant may be sent to again, if it is paused now. */
    Instant pausedUntil(Platform platform, String tenantId) {
        Instant until = pausedUntil.get(tenant(platform, tenantId));
        return until != null && until.isAfter(clock.instant()) ? until : null;
    }

    private Duration interval(Envelope envelope) {
        double perSecond = switch (envelope.platform()) {
            case SLACK -> envelope.isUpdate() ? settings.slackUpdatesPerSecond() : settings.slackPostsPerSecond();
            case TEAMS -> settings.teamsPerSecond();
        };
        return Duration.ofNanos((long) (1_000_000_000L / perSecond));
    }

    private static String lane(Envelope envelope) {
        String op = envelope.platform() == Platform.SLACK && envelope.isUpdate() ? "update" : "send";
        return tenant(envelope.platform(), envelope.tenantId()) + "/" + op;
    }

    private static String tenant(Platform platform, String tenantId) {
        return platform.name() + ":" + tenantId;
    }
}
