package io.uptake.chat.teams;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.uptake.catalog.CatalogSynced;
import io.uptake.schedule.Schedules;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Registers the daily Teams roster sync, run again shortly after each catalogue change. The read at start-up is
 * the first directory read ({@link io.uptake.people.DirectoryRead}), so the daily one starts a day later.
 */
@Singleton
@Requires(condition = TeamsOn.class)
class TeamsSchedules {

    static final String KEY = "teams:roster-sync";

    private final Schedules schedules;

    TeamsSchedules(Schedules schedules) {
        this.schedules = schedules;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        schedules.every(KEY, TeamsRosterJob.class, Duration.ofDays(1));
    }

    @EventListener
    void onCatalogSynced(CatalogSynced event) {
        schedules.every(KEY, TeamsRosterJob.class, Duration.ofDays(1), Duration.ofSeconds(10));
    }
}
