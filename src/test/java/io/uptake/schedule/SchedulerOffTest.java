package io.uptake.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

/** The test configuration turns the scheduler off: nothing fires, yet schedules are registered and readable. */
@MicronautTest(transactional = false)
class SchedulerOffTest {

    @Inject
    Scheduler scheduler;
    @Inject
    Schedules schedules;

    @Test
    void theSchedulerIsNotStartedButKeepsRegistrations() throws Exception {
        schedules.every("test:recording", RecordingJob.class, Duration.ofSeconds(5));

        assertThat(scheduler.isStarted()).isFalse();
        assertThat(scheduler.isInStandbyMode()).isTrue();
        assertThat(schedules.keys()).contains("test:recording");
        schedules.remove("test:recording");
    }
}
