package io.uptake.schedule;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the scheduler runs, from {@code uptake.scheduler.*}.
 *
 * @param enabled false leaves the scheduler in standby: schedules are still registered and can be read, but
 *                nothing fires (tests run this way)
 * @param threads how many jobs may run at once; jobs are thin, so a few threads are plenty
 */
@ConfigurationProperties("uptake.scheduler")
record SchedulerConfig(@Bindable(defaultValue = "true") boolean enabled,
                       @Bindable(defaultValue = "4") int threads) {

    SchedulerConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("uptake.scheduler.threads must be at least 1, was " + threads);
        }
    }
}
