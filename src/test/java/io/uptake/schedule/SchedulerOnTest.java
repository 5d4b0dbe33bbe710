package io.uptake.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.TriggerListenerSupport;
import org.quartz.simpl.RAMJobStore;

@MicronautTest(transactional = false)
@Property(name = "uptake.scheduler.enabled", value = "true")
class SchedulerOnTest {

    @Inject
    Scheduler scheduler;
    @Inject
    Schedules schedules;
    @Inject
    Runs runs;
    @Inject
    MutableClock clock;

    @AfterEach
    void removeAll() {
        schedules.keys().forEach(schedules::remove);
        clock.set(MutableClock.START);
    }

    @Test
    void startsWithTheApplicationInMemoryWithFourThreads() throws Exception {
        SchedulerMetaData meta = scheduler.getMetaData();

        assertThat(scheduler.isStarted()).isTrue();
        assertThat(scheduler.isInStandbyMode()).isFalse();
        assertThat(meta.getSchedulerName()).isEqualTo("uptake");
        assertThat(meta.getJobStoreClass()).isEqualTo(RAMJobStore.class);
        assertThat(meta.getThreadPoolSize()).isEqualTo(4);
        assertThat(scheduler.getListenerManager().getTriggerListener("uptake-misfires")).isNotNull();
    }

    @Test
    void aFireTimeMissedWhileDownIsSkippedAndLoggedNotRunLate() throws Exception {
        // Quartz fires by the wall clock, so this schedule starts eight days before the real now: its first fire
        // times lie days in the past, as after a long outage.
        Instant now = Instant.now(Clock.systemUTC());
        clock.set(now.minus(Duration.ofDays(8)));
        LocalTime anHourAgo = LocalTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC);
        MisfireSeen seen = new MisfireSeen();
        scheduler.getListenerManager().addTriggerListener(seen,
                KeyMatcher.keyEquals(new TriggerKey("pulse:missed", Schedules.GROUP)));

        try (LogEvents logs = LogEvents.of(LogMisfires.class)) {
            schedules.weekly("pulse:missed", RecordingJob.class, Map.of(), Set.of(DayOfWeek.values()), anHourAgo,
                    ZoneOffset.UTC);

            assertThat(seen.misfired.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(logs.at(Level.WARN)).singleElement()
                    .satisfies(event -> assertThat(event.getFormattedMessage()).contains("pulse:missed", "skipped"));
        } finally {
            scheduler.getListenerManager().removeTriggerListener(seen.getName());
        }
        assertThat(schedules.nextFire("pulse:missed")).hasValueSatisfying(next -> assertThat(next).isAfter(now));
        assertThat(runs.seen()).noneMatch(run -> run.startsWith("pulse:missed"));
    }

    @Test
    void aRegisteredScheduleFiresItsJobAsABeanOnAWorkerThread() throws Exception {
        // Quartz fires by the wall clock; the schedule's first run is one interval after the clock it is given.
        clock.set(Instant.now(Clock.systemUTC()));

        schedules.every("outbox:dispatch", RecordingJob.class, Duration.ofMillis(100));

        assertThat(runs.awaitFirst(Duration.ofSeconds(10))).isTrue();
        assertThat(runs.seen()).first().isEqualTo("outbox:dispatch {}");
    }

    @Test
    void closingTheContextStopsTheScheduler() throws Exception {
        Scheduler own;
        try (ApplicationContext context = ApplicationContext.run(Map.of("uptake.scheduler.enabled", true), "test")) {
            own = context.getBean(Scheduler.class);
            assertThat(own).isNotSameAs(scheduler);
            assertThat(own.isStarted()).isTrue();
        }

        assertThat(own.isShutdown()).isTrue();
    }

    /** Opens when Quartz reports the misfire, after the bridge's own listener has logged it. */
    static class MisfireSeen extends TriggerListenerSupport {

        final CountDownLatch misfired = new CountDownLatch(1);

        @Override
        public String getName() {
            return "test-misfire-seen";
        }

        @Override
        public void triggerMisfired(Trigger trigger) {
            misfired.countDown();
        }
    }
}
