package io.uptake.schedule;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the scheduler when the application context closes, waiting for running jobs to finish.
 *
 * <p>It listens for the shutdown event rather than the scheduler bean's destruction because the event comes
 * before any bean is destroyed: a job still running can finish with the database and the other beans it uses.
 */
@Singleton
class StopScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(StopScheduler.class);

    private final Scheduler scheduler;

    StopScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("The scheduler did not stop cleanly", e);
        }
    }
}
