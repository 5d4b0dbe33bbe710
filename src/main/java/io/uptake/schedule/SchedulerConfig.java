package io.uptake.schedule;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the scheduler runs, from {@code uptake.scheduler.*}.
 *
 * @param enabled         false leaves the scheduler in standby: schedules are still registered and can be read, but
 *                        nothing fires (tests run this way). On PostgreSQL a node in standby also stays out of the
 *                        cluster: it neither checks in nor fires anything
 * @param threads         how many jobs may run at once; jobs are thin, so a few threads are plenty
 * @param checkinInterval on PostgreSQL, how often a node tells the others it is alive. Quartz declares a node dead
 *                        7.5 s after one interval without a check-in and hands its claimed triggers to the others,
 *                        so the 2 s default recovers a dead node's schedules about 8 to 12 s after it stopped
 */
@ConfigurationProperties("uptake.scheduler")
record SchedulerConfig(@Bindable(defaultValue = "true") boolean enabled,
                       @Bindable(defaultValue = "4") int threads,
                       @Bindable(defaultValue = "2s") Duration checkinInterval) {

    SchedulerConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("uptake.scheduler.threads must be at least 1, was " + threads);
        }
        if (checkinInterval.toMillis() < 500) {
            throw new IllegalArgumentException("uptake.scheduler.checkin-interval must be at least 500ms, was "
                    + checkinInterval);
        }
    }
}
