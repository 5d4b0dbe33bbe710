package io.uptake.schedule;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.uptake.catalog.UsageSpec;
import io.uptake.usage.PullUsage;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pulls each configured AI tool's usage every 6 hours, the first time a few minutes after the schedule is first
 * registered; on a cluster one node runs each pull. A connector that is not configured has no schedule.
 */
@Singleton
class UsageSchedules {

    static final String PREFIX = "usage:pull:";
    static final Duration EVERY = Duration.ofHours(6);
    static final Duration FIRST_AFTER = Duration.ofMinutes(5);

    private final Schedules schedules;
    private final PullUsage pullUsage;

    UsageSchedules(Schedules schedules, PullUsage pullUsage) {
        this.schedules = schedules;
        this.pullUsage = pullUsage;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        List<String> configured = pullUsage.configuredSources();
        Set<String> all = new TreeSet<>(UsageSpec.CONNECTORS);
        all.addAll(configured);
        for (String source : all) {
            if (configured.contains(source)) {
                schedules.every(PREFIX + source, UsagePullJob.class, Map.of(UsagePullJob.SOURCE, source), EVERY,
                        FIRST_AFTER);
            } else {
                schedules.remove(PREFIX + source);
            }
        }
    }
}
