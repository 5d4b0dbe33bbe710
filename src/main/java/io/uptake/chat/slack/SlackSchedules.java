package io.uptake.chat.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.uptake.catalog.CatalogSynced;
import io.uptake.schedule.Schedules;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Registers the daily Slack audience sync, run again shortly after each catalogue change. The read at start-up is
 * the first directory read ({@link io.uptake.people.DirectoryRead}), so the daily one starts a day later.
 */
@Singleton
@Requires(bean = SyncSlackAudiences.class)
class SlackSchedules {

    static final String KEY = "slack:audience-sync";
    static final String HOUSEKEEPING = "slack:forget-old-requests";

    private final Schedules schedules;

    SlackSchedules(Schedules schedules) {
        this.schedules = schedules;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        schedules.every(KEY, SlackAudienceSyncJob.class, Duration.ofDays(1));
        schedules.every(HOUSEKEEPING, ForgetOldRequests.class, Duration.ofDays(1));
    }

    @EventListener
    void onCatalogSynced(CatalogSynced event) {
        schedules.every(KEY, SlackAudienceSyncJob.class, Duration.ofDays(1), Duration.ofSeconds(10));
    }
}
