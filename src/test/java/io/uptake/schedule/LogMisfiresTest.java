package io.uptake.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.spi.OperableTrigger;

class LogMisfiresTest {

    @Test
    void namesTheScheduleAndTheFireTimeThatWasSkipped() {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("pulse:claims-weekly", Schedules.GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule("0 0 10 ? * TUE"))
                .startAt(Date.from(Instant.parse("2026-11-23T00:00:00Z"))).build();
        ((OperableTrigger) trigger).computeFirstFireTime(null);

        try (LogEvents logs = LogEvents.of(LogMisfires.class)) {
            new LogMisfires().triggerMisfired(trigger);

            assertThat(logs.at(Level.WARN)).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                    .isEqualTo("Schedule pulse:claims-weekly missed its fire time 2026-11-24T10:00:00Z; skipped, "
                            + "not run late"));
        }
    }

    @Test
    void aOneOffJobThatMissedItsTimeIsSaidToRunNowNotSkipped() {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("catch-up:digests", Schedules.GROUP)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withRepeatCount(0)
                        .withMisfireHandlingInstructionFireNow())
                .startAt(Date.from(Instant.parse("2026-11-22T09:00:00Z"))).build();
        ((OperableTrigger) trigger).computeFirstFireTime(null);

        try (LogEvents logs = LogEvents.of(LogMisfires.class)) {
            new LogMisfires().triggerMisfired(trigger);

            assertThat(logs.at(Level.WARN)).isEmpty();
            assertThat(logs.at(Level.INFO)).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                    .isEqualTo("Schedule catch-up:digests missed its fire time 2026-11-22T09:00:00Z; run now"));
        }
    }
}
