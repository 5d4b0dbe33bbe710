package io.uptake.chat.teams;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.uptake.catalog.CatalogSynced;
import io.uptake.schedule.Schedules;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Registers the daily Teams roster sync, first run shortly after startup and after each catalogue change. */
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
        schedules.every(KEY, TeamsRosterJob.class, Duration.ofDays(1), Duration.ofSeconds(30));
    }

    @EventListener
    void onCatalogSynced(CatalogSynced event) {
        schedules.every(KEY, TeamsRosterJob.class, Duration.ofDays(1), Duration.ofSeconds(10));
    }
}
