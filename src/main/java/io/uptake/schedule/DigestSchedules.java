package io.uptake.schedule;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.CatalogSynced;
import io.uptake.catalog.DigestSubscriptionRow;
import io.uptake.digest.SendDigest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each digest subscription a weekly trigger at its local time, at startup and after each catalogue sync.
 * After startup, a digest whose time came in the last day while the service was down is sent late; older ones are
 * skipped, since next week's is nearer. A time that passed before the subscription was first declared was never
 * missed: a new subscription waits for its first time to come, rather than posting minutes after the first start,
 * before any usage could arrive. That catch-up runs as a one-off job once the scheduler starts, on one of
 * its threads, so composing and drawing digests never holds up startup, and it sees the programmes file as just
 * loaded.
 */
@Singleton
class DigestSchedules {

    static final Duration CATCH_UP = Duration.ofDays(1);
    /** The one-off job that catches up after startup; not under {@code digest:}, which names subscriptions. */
    static final String CATCH_UP_KEY = "catch-up:digests";

    private static final Logger LOG = LoggerFactory.getLogger(DigestSchedules.class);
    private static final String PREFIX = "digest:";

    private final Schedules schedules;
    private final CatalogLookup catalog;
    private final SendDigest sendDigest;
    private final Clock clock;

    DigestSchedules(Schedules schedules, CatalogLookup catalog, SendDigest sendDigest, Clock clock) {
        this.schedules = schedules;
        this.catalog = catalog;
        this.sendDigest = sendDigest;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        register();
        schedules.once(CATCH_UP_KEY, DigestCatchUpJob.class);
    }

    @EventListener
    void onCatalogSynced(CatalogSynced event) {
        register();
    }

    /** One weekly trigger per active subscription; retired ones lose theirs. */
    void register() {
        Set<String> wanted = catalog.activeDigests().stream().map(d -> key(d.id())).collect(Collectors.toSet());
        for (DigestSubscriptionRow digest : catalog.activeDigests()) {
            schedules.weekly(key(digest.id()), DigestJob.class, Map.of(DigestJob.SUBSCRIPTION,
                    Long.toString(digest.id())), days(digest), LocalTime.parse(digest.scheduleAt()),
                    ZoneId.of(digest.scheduleZone()));
        }
        schedules.keys().stream().filter(k -> k.startsWith(PREFIX) && !wanted.contains(k))
                .forEach(schedules::remove);
    }

    /**
     * Sends the digests whose time came within {@link #CATCH_UP}, here and now; the week's run record stops a second
     * copy, also when the weekly trigger of the same subscription runs at the same time.
     */
    void catchUp() {
        for (DigestSubscriptionRow digest : catalog.activeDigests()) {
            ZonedDateTime now = clock.instant().atZone(ZoneId.of(digest.scheduleZone()));
            LocalTime at = LocalTime.parse(digest.scheduleAt());
            Set<DayOfWeek> days = days(digest);
            for (int back = 0; back < 7; back++) {
                ZonedDateTime fire = now.toLocalDate().minusDays(back).atTime(at).atZone(now.getZone());
                if (days.contains(fire.getDayOfWeek()) && !fire.isAfter(now)) {
                    if (Duration.between(fire, now).compareTo(CATCH_UP) <= 0
                            && !fire.toInstant().isBefore(digest.createdAt())) {
                        catchUp(digest);
                    }
                    break;
                }
            }
        }
    }

    /** One subscription that cannot be composed must not keep the others from going. */
    private void catchUp(DigestSubscriptionRow digest) {
        try {
            SendDigest.Result result = sendDigest.send(digest.id());
            LOG.info("Digest catch-up for subscription {}: {}", digest.id(), result);
        } catch (RuntimeException e) {
            LOG.error("Digest catch-up for subscription {} failed", digest.id(), e);
        }
    }

    private static String key(long id) {
        return PREFIX + id;
    }

    private static Set<DayOfWeek> days(DigestSubscriptionRow digest) {
        return Arrays.stream(digest.scheduleDays().split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet());
    }
}
