package io.uptake.schedule;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.uptake.pulse.StakeholderSettings;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Map;

/**
 * Registers the stakeholder pulse's one trigger: weekdays at {@code uptake.stakeholders.at}. A run missed while the
 * service was down is not made up (misfire: do nothing); the next weekday's run opens what is still due.
 */
@Singleton
class StakeholderSchedules {

    static final String KEY = "stakeholders:quarterly";

    private final Schedules schedules;
    private final StakeholderSettings settings;

    StakeholderSchedules(Schedules schedules, StakeholderSettings settings) {
        this.schedules = schedules;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        schedules.weekly(KEY, StakeholderPulseJob.class, Map.of(),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), settings.at(), settings.zone());
    }
}
