package io.uptake.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaceRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final PaceRule STEADY = new PaceRule(4, 12, 0.5, 0, 0, 2);

    private LaneBudget lane = STEADY.fresh(NOW);

    @Test
    void slotsFollowOneIntervalApart() {
        assertThat(reserve(NOW)).isEqualTo(NOW);
        assertThat(reserve(NOW)).isEqualTo(NOW.plus(INTERVAL));
        assertThat(reserve(NOW)).isEqualTo(NOW.plus(INTERVAL.multipliedBy(2)));
    }

    @Test
    void aLaneThatFellBehindMakesUpNoMoreThanCatchUpSlots() {
        reserve(NOW);
        Instant later = NOW.plusSeconds(10);

        assertThat(reserve(later)).isEqualTo(later.minus(INTERVAL.multipliedBy(2)));
        assertThat(reserve(later)).isEqualTo(later.minus(INTERVAL));
        assertThat(reserve(later)).isEqualTo(later);
        assertThat(reserve(later)).isEqualTo(later.plus(INTERVAL));
    }

    @Test
    void aPausedLaneGetsNoSlotBeforeThePauseEnds() {
        lane = STEADY.limited(lane, NOW, Duration.ofSeconds(30));
        Instant until = NOW.plusSeconds(30);

        assertThat(reserve(NOW)).isEqualTo(until);
        assertThat(reserve(NOW)).isEqualTo(until.plus(INTERVAL.multipliedBy(2))).as("the rate was halved");
    }

    @Test
    void a429CutsTheRateOncePerRunOf429s() {
        lane = STEADY.limited(lane, NOW, Duration.ofSeconds(1));
        lane = STEADY.limited(lane, NOW.plusMillis(100), Duration.ofSeconds(1));

        assertThat(lane.rate()).as("the second 429 came from a send already on its way").isEqualTo(2);
        assertThat(lane.pausedUntil()).isEqualTo(NOW.plusMillis(1100));
        lane = STEADY.limited(lane, NOW.plusSeconds(5), Duration.ofSeconds(1));
        assertThat(lane.rate()).isEqualTo(1);
    }

    @Test
    void aBusyLaneCreepsUpToItsCeilingAndAnIdleOneDoesNot() {
        PaceRule rule = new PaceRule(4, 5, 0.5, 0.1, 0.01, 2);
        lane = rule.fresh(NOW);
        for (int i = 0; i < 30; i++) {
            lane = rule.reserve(lane, NOW).after();
        }
        assertThat(lane.rate()).isEqualTo(5);

        LaneBudget idle = rule.reserve(rule.fresh(NOW), NOW.plusSeconds(60)).after();
        assertThat(idle.rate()).isEqualTo(4);
    }

    @Test
    void theSecond429SetsTheRateJustBelowWhatThePlatformAdmittedSinceTheFirst() {
        PaceRule rule = new PaceRule(4, 12, 0.5, 0.1, 0.01, 2);
        lane = rule.limited(new LaneBudget(NOW, 10, NOW, null, 0), NOW, Duration.ofSeconds(1));
        assertThat(lane.rate()).as("nothing to measure yet: cut by the factor").isEqualTo(5);
        lane = new LaneBudget(lane.nextSlot(), 11, lane.pausedUntil(), lane.limitedAt(), 180);

        lane = rule.limited(lane, NOW.plusSeconds(20), Duration.ofSeconds(1));

        assertThat(lane.rate()).as("180 sends in 20 s measure 9 a second").isCloseTo(0.95 * 9, within());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    private Instant reserve(Instant now) {
        PaceRule.Reservation reservation = STEADY.reserve(lane, now);
        lane = reservation.after();
        return reservation.slot();
    }
}
