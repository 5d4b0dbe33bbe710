package io.uptake.schedule;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Registers, replaces and removes the service's schedules; the one way other packages reach Quartz.
 *
 * <p>Each schedule has a key such as {@code pulse:claims-weekly} naming one job and its one trigger. Registering a
 * key again with the same job, data and timing leaves its trigger as it is; with anything changed it replaces it.
 * So registering the same schedules at every start, or after every catalogue reload, leaves one trigger per key,
 * and on PostgreSQL, where every node shares Quartz's clustered store, a node starting neither moves the next fire
 * time of a schedule the others already run (an {@code every} job would otherwise never come round while nodes
 * restart more often than its interval) nor re-arms a weekly time that has just fired (a cron trigger re-armed
 * a moment after its time, by a node whose clock is a little behind, would fire twice). A fire time missed while
 * the service was down or busy is skipped, never run late.
 *
 * <p>A job class must be a bean (for example {@code @Prototype}) and must carry {@link DisallowConcurrentExecution}
 * so a slow run is never overlapped by the next one of the same key (on PostgreSQL, on any node of the cluster);
 * registration refuses a class that is not. Two keys that share a job class still run independently. The job itself
 * should be thin: read its data, call one use case, and let the use case decide what to do. On PostgreSQL a weekly
 * job that was running on a node that died is run again by another node, so weekly jobs must be idempotent (they
 * are: a round, digest or alert is keyed by its week). A key no longer registered by any code stays in the shared
 * store until {@link #remove removed}.
 */
@Singleton
public class Schedules {

    static final String GROUP = "uptake";

    private final Scheduler scheduler;
    private final Scheduler local;
    private final BeanJobFactory jobs;
    private final Clock clock;

    Schedules(Scheduler scheduler, @Named(QuartzFactory.LOCAL) Scheduler local, BeanJobFactory jobs, Clock clock) {
        this.scheduler = scheduler;
        this.local = local;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Runs a job on the given days at a local time of day, read in the given zone, so it follows daylight saving.
     *
     * @param data handed to the job in its {@code JobDataMap}, for example the id of the pulse to open
     * @param at   to the second
     */
    public void weekly(String key, Class<? extends Job> job, Map<String, String> data, Set<DayOfWeek> days,
                       LocalTime at, ZoneId zone) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("Schedule " + key + " names no days");
        }
        String cron = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " ? * " + days.stream().sorted()
                .map(day -> day.name().substring(0, 3)).collect(Collectors.joining(","));
        register(scheduler, key, job, data, true, CronScheduleBuilder.cronSchedule(cron)
                .inTimeZone(TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionDoNothing(), clock.instant());
    }

    /**
     * Runs a job over and over with the interval between fire times. The first run is one interval from now, so
     * registering again does not run the job at once.
     */
    public void every(String key, Class<? extends Job> job, Duration interval) {
        every(key, job, interval, interval);
    }

    /** Runs a job over and over, the first time {@code firstAfter} from now: for work also wanted soon after start. */
    public void every(String key, Class<? extends Job> job, Duration interval, Duration firstAfter) {
        every(key, job, Map.of(), interval, firstAfter);
    }

    /** Like {@link #every(String, Class, Duration, Duration)}, handing the job {@code data}. */
    public void every(String key, Class<? extends Job> job, Map<String, String> data, Duration interval,
                      Duration firstAfter) {
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("Schedule " + key + " needs a positive interval, was " + interval);
        }
        register(scheduler, key, job, data, false, SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount(), clock.instant().plus(firstAfter));
    }

    /**
     * Runs a job once, as soon as the scheduler runs (at startup, once every startup listener is done), on a worker
     * thread: for work that must not hold up startup. Quartz forgets the job once it has run. On PostgreSQL it runs
     * on whichever node takes it first, so it suits work for the whole service; see {@link #onceHere}.
     */
    public void once(String key, Class<? extends Job> job) {
        register(scheduler, key, job, Map.of(), false, SimpleScheduleBuilder.simpleSchedule().withRepeatCount(0)
                .withMisfireHandlingInstructionFireNow(), clock.instant());
    }

    /**
     * Like {@link #once}, but always on this node: for work whose result this process keeps in memory, such as
     * the first read of the chat directories. On SQLite it is the same as {@code once}.
     */
    public void onceHere(String key, Class<? extends Job> job) {
        register(local, key, job, Map.of(), false, SimpleScheduleBuilder.simpleSchedule().withRepeatCount(0)
                .withMisfireHandlingInstructionFireNow(), clock.instant());
    }

    /** Removes the schedule and its job; a key that is not registered is ignored. */
    public void remove(String key) {
        for (Scheduler one : schedulers()) {
            quartz(() -> one.deleteJob(new JobKey(key, GROUP)));
        }
    }

    /** The keys registered, sorted: on PostgreSQL every node's, and this node's own {@link #onceHere} jobs. */
    public Set<String> keys() {
        SortedSet<String> keys = new TreeSet<>();
        for (Scheduler one : schedulers()) {
            quartz(() -> one.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))).forEach(k -> keys.add(k.getName()));
        }
        return Collections.unmodifiableSortedSet(keys);
    }

    /** When the schedule fires next; empty for a key that is not registered. */
    public Optional<Instant> nextFire(String key) {
        return schedulers().stream().map(one -> quartz(() -> one.getTrigger(new TriggerKey(key, GROUP))))
                .filter(Objects::nonNull).findFirst().map(Trigger::getNextFireTime).map(Date::toInstant);
    }

    private List<Scheduler> schedulers() {
        return local == scheduler ? List.of(scheduler) : List.of(scheduler, local);
    }

    private void register(Scheduler target, String key, Class<? extends Job> job, Map<String, String> data,
                          boolean recover, ScheduleBuilder<? extends Trigger> schedule, Instant start) {
        JobDetail detail = JobBuilder.newJob(job).withIdentity(key, GROUP).usingJobData(new JobDataMap(data))
                .requestRecovery(recover).build();
        if (!detail.isConcurrentExecutionDisallowed()) {
            throw new IllegalArgumentException("Job " + job.getName() + " for schedule " + key
                    + " must carry @DisallowConcurrentExecution");
        }
        if (!jobs.canMake(job)) {
            throw new IllegalArgumentException("Job " + job.getName() + " for schedule " + key + " is not a bean");
        }
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key, GROUP).forJob(detail).withSchedule(schedule)
                .startAt(Date.from(start)).build();
        quartz(() -> {
            if (!RegisteredSchedule.sameAs(target, detail, trigger)) {
                target.scheduleJob(detail, Set.of(trigger), true);
            }
            return null;
        });
    }

    /** Quartz's checked exceptions here mean a broken scheduler, not an outcome callers could handle. */
    private static <T> T quartz(QuartzCall<T> call) {
        try {
            return call.run();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused the request", e);
        }
    }

    private interface QuartzCall<T> {
        T run() throws SchedulerException;
    }
}
