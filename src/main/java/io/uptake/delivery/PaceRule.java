package io.uptake.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides each send's slot in a lane, and how the lane's rate adapts to what the platform says: cut on a 429, crept
 * up while sends go through. It is arithmetic only; {@link SendBudget} keeps the state it works on.
 *
 * <p>Slack does not publish its per-workspace cap for {@code chat.postMessage}, so the configured rate is only where
 * a lane starts. Until its first 429, each send reserved while the lane is busy adds {@code increase} to the rate,
 * so a lane sending at r a second grows by {@code increase × r} a second (3 % a second by default), up to
 * {@code ceiling}. A 429 pauses the lane for its {@code Retry-After} and lowers the rate; 429s that arrive while
 * that pause lasts (sends that were already on their way) belong to the same run and do not lower it again.
 *
 * <p>How far a 429 lowers the rate comes from the platform's own count. A 429 means the platform's bucket is empty;
 * between two runs of 429s it admitted what it refilled, so the sends between them (counted as slots handed out,
 * which also holds the few a 429 turned back), divided by the time between them, measure its cap, whatever the
 * lane's rate said. The rate drops to just below that measure ({@link #BELOW_MEASURED}), but never by more than
 * the factor {@code decrease}, so a quiet spell between two 429s, which makes the measure low, cannot cut a lane
 * further; after a lane's first 429, which has nothing to measure against, it is cut by {@code decrease}. From
 * there it creeps up by {@code creep} a send, slower than it first climbed, so that it stays near the cap: a rate
 * that swings widely makes the platform's bucket fill while below the cap and then hides the cap
 * while the bucket drains ({@code PaceRuleSimulationTest} measures the result on a simulated bucket).
 *
 * <p>Slots follow one another one interval apart. A lane that fell behind, because every send in flight was slow
 * at once (a garbage-collection pause, a slow commit, a busy CPU), may make up at most {@code catchUp} of the
 * slots it missed, back to back: short stalls then cost no throughput, and a lane that was idle or far behind still
 * does not catch up in a burst larger than that. An idle lane's rate does not creep: only sends that had to queue
 * for their slot show the lane could use more.
 *
 * @param start    the rate a new lane starts at, sends a second
 * @param ceiling  the highest rate the lane may creep to
 * @param decrease the lowest factor a 429 multiplies the rate by, between 0 and 1
 * @param increase the rate added by each send reserved while the lane is busy, before its first 429
 * @param creep    the same after it
 * @param catchUp  missed slots a lane that fell behind may make up back to back
 */
record PaceRule(double start, double ceiling, double decrease, double increase, double creep, int catchUp) {

    /** The lowest rate a run of 429s can cut a lane to: one send a minute. */
    static final double FLOOR = 1.0 / 60;
    /** How far below the cap measured between two runs of 429s a lane goes on the second. */
    static final double BELOW_MEASURED = 0.95;

    PaceRule {
        if (start <= 0 || ceiling < start || decrease <= 0 || decrease >= 1 || increase < 0 || creep < 0
                || catchUp < 0) {
            throw new IllegalArgumentException("A pace needs 0 < start <= ceiling, 0 < decrease < 1, increases"
                    + " >= 0 and catchUp >= 0; got " + this);
        }
    }

    /** A slot handed out, and the lane as it stands after it. */
    record Reservation(Instant slot, LaneBudget after) {
    }

    /** The state of a lane no one has sent to yet. */
    LaneBudget fresh(Instant now) {
        return new LaneBudget(now, start, now, null, 0);
    }

    /** Reserves the next slot at {@code now}. */
    Reservation reserve(LaneBudget lane, Instant now) {
        Duration interval = interval(lane.rate());
        Instant oldestMissed = now.minus(interval.multipliedBy(catchUp));
        boolean busy = !lane.nextSlot().isBefore(oldestMissed);
        Instant slot = latest(lane.nextSlot(), oldestMissed, lane.pausedUntil());
        double step = lane.limitedAt() == null ? increase : creep;
        double rate = busy ? Math.min(ceiling, lane.rate() + step) : lane.rate();
        return new Reservation(slot, new LaneBudget(slot.plus(interval(rate)), rate, lane.pausedUntil(),
                lane.limitedAt(), lane.sentSince() + 1));
    }

    /** The lane after a 429 seen at {@code now} that asked to wait {@code retryAfter}. */
    LaneBudget limited(LaneBudget lane, Instant now, Duration retryAfter) {
        Instant until = now.plus(retryAfter);
        Instant pausedUntil = latest(lane.pausedUntil(), until, until);
        Instant nextSlot = latest(lane.nextSlot(), pausedUntil, pausedUntil);
        if (lane.pausedUntil().isAfter(now)) {
            return new LaneBudget(nextSlot, lane.rate(), pausedUntil, lane.limitedAt(), lane.sentSince());
        }
        double rate = Math.max(FLOOR, lane.rate() * decrease);
        if (lane.limitedAt() != null && now.isAfter(lane.limitedAt())) {
            double measured = lane.sentSince() / seconds(Duration.between(lane.limitedAt(), now));
            rate = Math.max(rate, Math.min(lane.rate(), BELOW_MEASURED * measured));
        }
        return new LaneBudget(nextSlot, rate, pausedUntil, now, 0);
    }

    /**
     * One slot's length at a rate, rounded up to a whole millisecond: never faster than the rate, and slots stay on
     * the millisecond instants the rest of the service keeps (the outbox's due times, the clock tests move).
     */
    static Duration interval(double rate) {
        return Duration.ofMillis((long) Math.ceil(1_000.0 / rate));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant ab = a.isAfter(b) ? a : b;
        return ab.isAfter(c) ? ab : c;
    }
}
