package io.uptake.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.checkin.CheckinRecords;
import io.uptake.checkin.CheckinWorld;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The check-in tick is registered at startup and, run twice, opens each period's cycle once. */
@MicronautTest(transactional = false)
class CheckinTickJobTest {

    @Inject
    ApplicationContext context;
    @Inject
    Schedules schedules;
    @Inject
    CheckinRecords records;
    @Inject
    MutableClock clock;

    @Test
    void theTickIsRegisteredEveryQuarterOfAnHour() {
        assertThat(schedules.keys()).contains(CheckinSchedules.KEY);
        assertThat(CheckinSchedules.EVERY).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aTickOpensTheQuartersCycleAndARepeatedTickChangesNothing() {
        CheckinWorld world = CheckinWorld.in(context).workflow("wf-tick", "tia@example.com").declare();
        world.slackUser("tia@example.com", "UTIA", "Tia", "UTC");

        context.getBean(CheckinTickJob.class).execute(null);
        var first = records.cycle("wf-tick", "2026-Q4").orElseThrow();
        clock.advance(Duration.ofMinutes(15));
        context.getBean(CheckinTickJob.class).execute(null);

        assertThat(records.cycle("wf-tick", "2026-Q4")).contains(first);
        assertThat(first.openedAt()).isEqualTo(MutableClock.START);
    }
}
