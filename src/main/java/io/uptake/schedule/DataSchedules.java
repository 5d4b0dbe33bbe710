package io.uptake.schedule;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Registers the nudge jobs and the daily retention purges. */
@Singleton
class DataSchedules {

    static final String NEVER_TWICE = "nudge:never-twice";
    static final String OWNER_ALERTS = "nudge:owner-alerts";
    static final String RETENTION_ANSWERS = "retention:answers";
    static final String RETENTION_CHARTS = "retention:charts";

    private final Schedules schedules;

    DataSchedules(Schedules schedules) {
        this.schedules = schedules;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        schedules.every(NEVER_TWICE, NudgeNeverUsersJob.class, Duration.ofHours(1));
        schedules.weekly(OWNER_ALERTS, AlertOwnersJob.class, Map.of(), Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
                ZoneOffset.UTC);
        schedules.weekly(RETENTION_ANSWERS, PurgeOldAnswersJob.class, Map.of(), EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(3, 30), ZoneOffset.UTC);
        schedules.weekly(RETENTION_CHARTS, PurgeOldChartsJob.class, Map.of(), EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(3, 40), ZoneOffset.UTC);
    }
}
