package io.uptake.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The nudge jobs and the retention purges are registered at startup (the test clock starts on Sunday 09:00 UTC). */
@MicronautTest(transactional = false, rebuildContext = true)
class DataSchedulesTest {

    @Inject
    Schedules schedules;

    @Test
    void ownerAlertsRunOnMondayMorningsAndRetentionDaily() {
        assertThat(schedules.nextFire(DataSchedules.OWNER_ALERTS)).contains(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(schedules.nextFire(DataSchedules.RETENTION_ANSWERS))
                .contains(Instant.parse("2026-11-23T03:30:00Z"));
    }

    @Test
    void oldChartsAreDeletedDailyToo() {
        assertThat(schedules.nextFire(DataSchedules.RETENTION_CHARTS)).contains(Instant.parse("2026-11-23T03:40:00Z"));
    }

    @Test
    void theNeverTwiceRuleRunsHourly() {
        assertThat(schedules.nextFire(DataSchedules.NEVER_TWICE)).contains(Instant.parse("2026-11-22T10:00:00Z"));
    }
}
