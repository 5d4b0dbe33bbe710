package io.uptake.schedule;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

@MicronautTest(transactional = false)
class SchedulesTest {

    static final LocalTime TEN = LocalTime.of(10, 0);
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    Schedules schedules;
    @Inject
    Scheduler scheduler;
    @Inject
    MutableClock clock;

    @AfterEach
    void removeAll() {
        schedules.keys().forEach(schedules::remove);
        clock.set(MutableClock.START);
    }

    @Test
    void weeklyKeepsTenInTheMorningInNewYorkAcrossTheSpringChange() throws Exception {
        clock.set(Instant.parse("2026-03-01T12:00:00Z"));

        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of(), Set.of(TUESDAY), TEN, NEW_YORK);

        Instant beforeChange = Instant.parse("2026-03-03T15:00:00Z");
        assertThat(schedules.nextFire("pulse:claims-weekly")).contains(beforeChange);
        assertThat(trigger("pulse:claims-weekly").getFireTimeAfter(Date.from(beforeChange)))
                .isEqualTo(Date.from(Instant.parse("2026-03-10T14:00:00Z")));
    }

    @Test
    void weeklyKeepsTenInTheMorningInLondonAcrossTheSpringChange() throws Exception {
        clock.set(Instant.parse("2026-03-22T12:00:00Z"));

        schedules.weekly("digest:leaders", RecordingJob.class, Map.of(), Set.of(TUESDAY), TEN, LONDON);

        Instant beforeChange = Instant.parse("2026-03-24T10:00:00Z");
        assertThat(schedules.nextFire("digest:leaders")).contains(beforeChange);
        assertThat(trigger("digest:leaders").getFireTimeAfter(Date.from(beforeChange)))
                .isEqualTo(Date.from(Instant.parse("2026-03-31T09:00:00Z")));
    }

    @Test
    void weeklyFiresOnEachDayNamedAndNoOther() throws Exception {
        clock.set(Instant.parse("2026-11-22T12:00:00Z"));

        schedules.weekly("pulse:twice", RecordingJob.class, Map.of(), Set.of(THURSDAY, MONDAY), TEN, LONDON);

        Trigger trigger = trigger("pulse:twice");
        Date monday = Date.from(Instant.parse("2026-11-23T10:00:00Z"));
        Date thursday = Date.from(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(trigger.getNextFireTime()).isEqualTo(monday);
        assertThat(trigger.getFireTimeAfter(monday)).isEqualTo(thursday);
        assertThat(trigger.getFireTimeAfter(thursday)).isEqualTo(Date.from(Instant.parse("2026-11-30T10:00:00Z")));
    }

    @Test
    void weeklySkipsAMissedFireTimeRatherThanFiringLate() throws Exception {
        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of(), Set.of(TUESDAY), TEN, NEW_YORK);

        assertThat(trigger("pulse:claims-weekly").getMisfireInstruction())
                .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
    }

    @Test
    void weeklyHandsItsDataToTheJob() throws Exception {
        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of("pulse", "claims-weekly"),
                Set.of(TUESDAY), TEN, NEW_YORK);

        assertThat(scheduler.getJobDetail(new JobKey("pulse:claims-weekly", Schedules.GROUP)).getJobDataMap())
                .containsEntry("pulse", "claims-weekly");
    }

    @Test
    void everyRepeatsForeverFromOneIntervalAheadAndSkipsMissedRuns() throws Exception {
        schedules.every("outbox:dispatch", RecordingJob.class, Duration.ofSeconds(5));

        SimpleTrigger trigger = (SimpleTrigger) trigger("outbox:dispatch");
        assertThat(schedules.nextFire("outbox:dispatch")).contains(MutableClock.START.plusSeconds(5));
        assertThat(trigger.getRepeatInterval()).isEqualTo(5_000);
        assertThat(trigger.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
        assertThat(trigger.getMisfireInstruction())
                .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
        assertThat(scheduler.getJobDetail(new JobKey("outbox:dispatch", Schedules.GROUP))
                .isConcurrentExecutionDisallowed()).isTrue();
    }

    @Test
    void onceRunsAJobASingleTimeAtOnceEvenIfTheSchedulerStartsLate() throws Exception {
        schedules.once("catch-up:digests", RecordingJob.class);

        SimpleTrigger trigger = (SimpleTrigger) trigger("catch-up:digests");
        assertThat(schedules.nextFire("catch-up:digests")).contains(MutableClock.START);
        assertThat(trigger.getRepeatCount()).isZero();
        assertThat(trigger.getMisfireInstruction()).isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW);
        assertThat(scheduler.getJobDetail(new JobKey("catch-up:digests", Schedules.GROUP)).isDurable()).isFalse();
    }

    @Test
    void registeringTheSameScheduleTwiceLeavesOneTrigger() throws Exception {
        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of(), Set.of(TUESDAY), TEN, NEW_YORK);
        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of(), Set.of(TUESDAY), TEN, NEW_YORK);

        assertThat(schedules.keys()).containsExactly("pulse:claims-weekly");
        assertThat(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(Schedules.GROUP))).hasSize(1);
    }

    @Test
    void registeringAKeyAgainReplacesItsSchedule() {
        clock.set(Instant.parse("2026-11-22T12:00:00Z"));
        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of(), Set.of(TUESDAY), TEN, LONDON);

        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of(), Set.of(THURSDAY), TEN, LONDON);

        assertThat(schedules.nextFire("pulse:claims-weekly")).contains(Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void registeringAnUnchangedEveryScheduleAgainKeepsItsNextRun() {
        schedules.every("nudge:never-twice", RecordingJob.class, Duration.ofHours(1));
        Instant first = schedules.nextFire("nudge:never-twice").orElseThrow();

        // Another node starting half an hour later registers the same schedule: the hourly run must not move on.
        clock.set(MutableClock.START.plus(Duration.ofMinutes(30)));
        schedules.every("nudge:never-twice", RecordingJob.class, Duration.ofHours(1));

        assertThat(first).isEqualTo(MutableClock.START.plus(Duration.ofHours(1)));
        assertThat(schedules.nextFire("nudge:never-twice")).contains(first);
    }

    @Test
    void registeringAnUnchangedWeeklyScheduleAgainLeavesItsTriggerAlone() throws Exception {
        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of("pulse", "claims"), Set.of(TUESDAY), TEN,
                LONDON);
        Trigger before = trigger("pulse:claims-weekly");

        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of("pulse", "claims"), Set.of(TUESDAY), TEN,
                LONDON);

        assertThat(trigger("pulse:claims-weekly").getStartTime()).isEqualTo(before.getStartTime());
    }

    @Test
    void registeringAKeyAgainWithOtherDataReplacesItsJob() throws Exception {
        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of("pulse", "claims"), Set.of(TUESDAY), TEN,
                LONDON);

        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of("pulse", "fraud"), Set.of(TUESDAY), TEN,
                LONDON);

        assertThat(scheduler.getJobDetail(new JobKey("pulse:claims-weekly", Schedules.GROUP)).getJobDataMap()
                .getString("pulse")).isEqualTo("fraud");
    }

    @Test
    void removeDropsTheScheduleAndItsJob() throws Exception {
        schedules.weekly("pulse:claims-weekly", RecordingJob.class, Map.of(), Set.of(TUESDAY), TEN, NEW_YORK);
        schedules.every("outbox:dispatch", RecordingJob.class, Duration.ofSeconds(5));

        schedules.remove("pulse:claims-weekly");
        schedules.remove("pulse:never-registered");

        assertThat(schedules.keys()).containsExactly("outbox:dispatch");
        assertThat(schedules.nextFire("pulse:claims-weekly")).isEmpty();
        assertThat(scheduler.checkExists(new JobKey("pulse:claims-weekly", Schedules.GROUP))).isFalse();
    }

    @Test
    void refusesAJobThatMayOverlapItself() {
        assertThatThrownBy(() -> schedules.every("outbox:dispatch", Overlapping.class, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@DisallowConcurrentExecution");
        assertThat(schedules.keys()).isEmpty();
    }

    @Test
    void refusesAJobTheContextCannotMake() {
        assertThatThrownBy(() -> schedules.every("outbox:dispatch", NotABean.class, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a bean");
    }

    @Test
    void refusesAWeeklyScheduleWithNoDays() {
        assertThatThrownBy(() -> schedules.weekly("pulse:none", RecordingJob.class, Map.of(), Set.of(), TEN, LONDON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no days");
    }

    private Trigger trigger(String key) throws Exception {
        return scheduler.getTrigger(new TriggerKey(key, Schedules.GROUP));
    }

    /** Not annotated, so two runs of one key could overlap. */
    static class Overlapping implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }

    /** Annotated for Quartz but not a bean, so the context cannot make it. */
    @DisallowConcurrentExecution
    static class NotABean implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }
}
