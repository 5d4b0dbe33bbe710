package io.uptake.schedule;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.Properties;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Creates the one Quartz scheduler, in standby: {@link StartScheduler} starts it and {@link StopScheduler} stops it.
 *
 * <p>Jobs and triggers live in memory ({@code RAMJobStore}): the schedules themselves are kept in the project's
 * own tables and registered again at every start, so Quartz needs no tables of its own.
 */
@Factory
class QuartzFactory {

    @Singleton
    Scheduler scheduler(SchedulerConfig config, BeanJobFactory jobs, LogMisfires misfires) throws SchedulerException {
        Scheduler scheduler = new StdSchedulerFactory(properties(config)).getScheduler();
        // The application context owns this scheduler. Left in Quartz's JVM-wide registry, a second context in
        // the same JVM (as tests build) would be handed this instance by name instead of its own.
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        scheduler.setJobFactory(jobs);
        scheduler.getListenerManager().addTriggerListener(misfires, GroupMatcher.triggerGroupEquals(Schedules.GROUP));
        return scheduler;
    }

    private static Properties properties(SchedulerConfig config) {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "uptake");
        // Quartz 2.5 has no update check left; the flag keeps any version that still has one from calling out.
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // Daemon threads so a context that is never closed cannot keep the JVM alive; an orderly stop still
        // waits for running jobs (StopScheduler).
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
        String pool = StdSchedulerFactory.PROP_THREAD_POOL_PREFIX;
        properties.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty(pool + ".threadCount", Integer.toString(config.threads()));
        properties.setProperty(pool + ".threadNamePrefix", "uptake-job");
        properties.setProperty(pool + ".makeThreadsDaemons", "true");
        return properties;
    }
}
