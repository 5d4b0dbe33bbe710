package io.uptake.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    private final MutableClock clock = new MutableClock(MutableClock.START);
    private final Pacer pacer = new Pacer(new DeliverySettings(4, 0.8, 25, 2, 8, Duration.ofSeconds(2),
            Duration.ofMinutes(10), Duration.ofSeconds(6), Duration.ofSeconds(8)), clock);

    @Test
    void slotsFollowOneIntervalApart() {
        Instant start = clock.instant();

        assertThat(reserve()).isEqualTo(start);
        assertThat(reserve()).isEqualTo(start.plus(INTERVAL));
        assertThat(reserve()).isEqualTo(start.plus(INTERVAL.multipliedBy(2)));
    }

    @Test
    void aLaneThatFellBehindMakesUpNoMoreThanConcurrencySlots() {
        reserve();
        clock.advance(Duration.ofSeconds(10));
        Instant now = clock.instant();

        assertThat(reserve()).isEqualTo(now.minus(INTERVAL.multipliedBy(2)));
        assertThat(reserve()).isEqualTo(now.minus(INTERVAL));
        assertThat(reserve()).isEqualTo(now);
        assertThat(reserve()).isEqualTo(now.plus(INTERVAL));
    }

    @Test
    void aPausedTenantGetsNoSlotBeforeThePauseEnds() {
        Instant until = clock.instant().plusSeconds(30);
        pacer.pause(Platform.SLACK, "T1", until);

        assertThat(reserve()).isEqualTo(until);
        assertThat(reserve()).isEqualTo(until.plus(INTERVAL));
    }

    private Instant reserve() {
        return pacer.reserve(new Envelope(1, Platform.SLACK, "T1", "U1", null, Optional.empty()));
    }
}
