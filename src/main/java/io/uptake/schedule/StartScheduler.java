package io.uptake.schedule;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the schedulers once the application has started, unless {@code uptake.scheduler.enabled} is false.
 *
 * <p>It runs after every other startup listener (lowest precedence), so the programmes file is loaded and the
 * schedules read from it are registered before anything can fire. Registering before the start is fine: Quartz
 * keeps triggers in standby. Starting eagerly rather than on the first registration keeps one moment, visible in
 * the log, at which jobs begin to run, whether or not any schedule exists yet. On PostgreSQL this is also when the
 * node joins the cluster: its first check-in takes over what any dead node had claimed.
 */
@Singleton
class StartScheduler implements ApplicationEventListener<StartupEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(StartScheduler.class);

    private final Scheduler scheduler;
    private final Scheduler local;
    private final SchedulerConfig config;
    private final ClusterNodes nodes;

    StartScheduler(Scheduler scheduler, @Named(QuartzFactory.LOCAL) Scheduler local, SchedulerConfig config,
                   ClusterNodes nodes) {
        this.scheduler = scheduler;
        this.local = local;
        this.config = config;
        this.nodes = nodes;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Scheduler off (uptake.scheduler.enabled=false): schedules are registered but none fires");
            return;
        }
        try {
            scheduler.start();
            if (local != scheduler) {
                local.start();
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler did not start", e);
        }
        LOG.info("Scheduler started with {} threads on node {} ({})", config.threads(), nodes.nodeId(),
                nodes.clustered() ? "clustered on PostgreSQL" : "one node only, SQLite");
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
