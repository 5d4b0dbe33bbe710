package io.uptake.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.pulse.PulseWorld;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, rebuildContext = true)
class PulseSchedulesTest {

    @Inject
    ApplicationContext context;
    @Inject
    PulseSchedules pulseSchedules;
    @Inject
    Schedules schedules;
    @Inject
    MutableClock clock;
    @Inject
    DataSource dataSource;

    @Test
    void eachStoredPulseGetsAWeeklyTriggerWhenItsTimeFirstComesAnywhere() {
        PulseWorld.in(context).person("a@example.com", "UTC").build();
        clock.set(Instant.parse("2026-03-04T12:00:00Z"));

        pulseSchedules.register();

        assertThat(schedules.keys()).contains("pulse-round:" + PulseWorld.PULSE, "pulse:tick");
        // Every node sends the outbox itself (io.uptake.delivery.DispatchLoop); a clustered Quartz job would not.
        assertThat(schedules.keys()).doesNotContain("outbox:dispatch");
        // Tuesday 10:00 arrives first at UTC+14: Monday 20:00 UTC.
        assertThat(schedules.nextFire("pulse-round:" + PulseWorld.PULSE)).contains(
                Instant.parse("2026-03-09T20:00:00Z"));
    }

    @Test
    void aRoundMissedDuringDowntimeIsOpenedForThoseWhoseTimeIsStillAhead() throws Exception {
        PulseWorld.in(context).person("london@example.com", "Europe/London").build();
        clock.set(Instant.parse("2026-03-10T08:30:00Z"));

        pulseSchedules.catchUp();

        assertThat(rounds()).isEqualTo(1);
    }

    @Test
    void aRoundMissedLongAgoIsSkippedNotSentLate() throws Exception {
        PulseWorld.in(context).person("london@example.com", "Europe/London").build();
        clock.set(Instant.parse("2026-03-12T08:30:00Z"));

        pulseSchedules.catchUp();

        assertThat(rounds()).isZero();
    }

    private int rounds() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM pulse_round")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
