package io.uptake.schedule;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Registers the check-in tick with Quartz at startup. */
@Singleton
class CheckinSchedules {

    static final String KEY = "checkin:tick";
    static final Duration EVERY = Duration.ofMinutes(15);

    private final Schedules schedules;

    CheckinSchedules(Schedules schedules) {
        this.schedules = schedules;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        // A minute after start, so the programmes file has been loaded and synced first.
        schedules.every(KEY, CheckinTickJob.class, EVERY, Duration.ofMinutes(1));
    }
}
