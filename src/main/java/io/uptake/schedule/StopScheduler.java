package io.uptake.schedule;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the schedulers when the application context closes, waiting for running jobs to finish.
 *
 * <p>It listens for the shutdown event rather than the scheduler bean's destruction because the event comes
 * before any bean is destroyed: a job still running can finish with the database and the other beans it uses.
 * Stopping leaves the stored schedules alone: on PostgreSQL the other nodes go on firing them, and they take over
 * whatever this node had claimed once it stops checking in.
 */
@Singleton
class StopScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(StopScheduler.class);

    private final Scheduler scheduler;
    private final Scheduler local;

    StopScheduler(Scheduler scheduler, @Named(QuartzFactory.LOCAL) Scheduler local) {
        this.scheduler = scheduler;
        this.local = local;
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop(local);
        stop(scheduler);
    }

    private static void stop(Scheduler one) {
        try {
            if (!one.isShutdown()) {
                one.shutdown(true);
            }
        } catch (SchedulerException e) {
            LOG.warn("The scheduler {} did not stop cleanly", one, e);
        }
    }
}
