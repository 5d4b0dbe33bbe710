package io.uptake.schedule;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.simpl.RAMJobStore;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the Quartz schedulers, in standby: {@link StartScheduler} starts them and {@link StopScheduler} stops them.
 *
 * <p>On PostgreSQL the main scheduler keeps its jobs and triggers in Quartz's own tables (migration V10) with
 * {@code JobStoreTX}, clustered: every node runs the same scheduler on the same rows, each trigger fires on one node
 * only, and a node that dies has the triggers it had claimed taken over by the others once it misses its check-in
 * ({@link SchedulerConfig#checkinInterval}). Quartz reaches the database through the application's own pool, so
 * there is one set of connection settings and credentials. Job data is stored as strings
 * ({@code useProperties}), never as serialised Java objects, so a job's data survives any code change.
 *
 * <p>On SQLite, which cannot run Quartz's cluster locks ({@code SELECT ... FOR UPDATE}), the main scheduler keeps
 * everything in memory ({@code RAMJobStore}): the schedules themselves are in the project's own tables and registered
 * again at every start, and the service runs as one node only.
 *
 * <p>The local scheduler runs work that belongs to this node, not to the cluster, such as the first read of the
 * chat directories, whose result this process keeps in memory. It is always in memory; on SQLite it is simply the
 * main scheduler.
 */
@Factory
class QuartzFactory {

    /** The name all nodes share: Quartz's cluster is every scheduler of one name on one set of tables. */
    static final String SCHEDULER_NAME = "uptake";
    static final String LOCAL = "local";

    private static final Logger LOG = LoggerFactory.getLogger(QuartzFactory.class);

    @Singleton
    @Primary
    Scheduler scheduler(SchedulerConfig config, ClusterNodes nodes, DataSource dataSource, BeanJobFactory jobs,
                        LogMisfires misfires) throws SchedulerException {
        Properties properties = common(SCHEDULER_NAME, nodes.nodeId(), config.threads());
        if (nodes.clustered()) {
            clustered(properties, connections(dataSource), config);
            LOG.info("Scheduler: clustered on PostgreSQL as node {} (check-in every {} ms)", nodes.nodeId(),
                    config.checkinInterval().toMillis());
        } else {
            properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
            LOG.info("SQLite: one node only; use PostgreSQL to run several (schedules are kept in memory)");
        }
        return make(properties, jobs, misfires);
    }

    @Singleton
    @Named(LOCAL)
    Scheduler local(Scheduler scheduler, SchedulerConfig config, ClusterNodes nodes, BeanJobFactory jobs,
                    LogMisfires misfires) throws SchedulerException {
        if (!nodes.clustered()) {
            return scheduler;
        }
        Properties properties = common(SCHEDULER_NAME + "-" + LOCAL, nodes.nodeId(), 1);
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
        return make(properties, jobs, misfires);
    }

    private static Scheduler make(Properties properties, BeanJobFactory jobs, LogMisfires misfires)
            throws SchedulerException {
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        // The application context owns this scheduler. Left in Quartz's JVM-wide registry, a second context in
        // the same JVM (as tests build) would be handed this instance by name instead of its own.
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        scheduler.setJobFactory(jobs);
        scheduler.getListenerManager().addTriggerListener(misfires, GroupMatcher.triggerGroupEquals(Schedules.GROUP));
        return scheduler;
    }

    private static Properties common(String name, String nodeId, int threads) {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, nodeId);
        // Quartz 2.5 has no update check left; the flag keeps any version that still has one from calling out.
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // Daemon threads so a context that is never closed cannot keep the JVM alive; an orderly stop still
        // waits for running jobs (StopScheduler).
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
        String pool = StdSchedulerFactory.PROP_THREAD_POOL_PREFIX;
        properties.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty(pool + ".threadCount", Integer.toString(threads));
        properties.setProperty(pool + ".threadNamePrefix", name + "-job");
        properties.setProperty(pool + ".makeThreadsDaemons", "true");
        return properties;
    }

    private static void clustered(Properties properties, String connections, SchedulerConfig config) {
        String store = StdSchedulerFactory.PROP_JOB_STORE_PREFIX;
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
        properties.setProperty(store + ".driverDelegateClass", PostgreSQLDelegate.class.getName());
        properties.setProperty(store + ".dataSource", connections);
        properties.setProperty(store + ".tablePrefix", "QRTZ_");
        properties.setProperty(store + ".isClustered", "true");
        properties.setProperty(store + ".clusterCheckinInterval",
                Long.toString(config.checkinInterval().toMillis()));
        properties.setProperty(store + ".useProperties", "true");
        // Quartz's default, stated: a fire time more than a minute late counts as missed (see LogMisfires).
        properties.setProperty(store + ".misfireThreshold", "60000");
    }

    /**
     * Hands Quartz the application's pool under a name of its own. Quartz looks data sources up by name in a
     * JVM-wide registry; the name is unique per application context so that contexts side by side (as tests run
     * nodes) never take each other's pool. The pool is unwrapped from Micronaut's transaction-aware proxy: Quartz
     * commits its own transactions and must never join, or commit, one the application has open.
     */
    private static String connections(DataSource dataSource) {
        String name = "uptake-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(name,
                new ApplicationConnections(DelegatingDataSource.unwrapDataSource(dataSource)));
        return name;
    }
}
