package io.uptake.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The adaptive pace, run against a simulated platform whose cap it is not told, in virtual time: a token bucket of 9
 * a second with a burst of 25 that answers 429 with {@code Retry-After} in whole seconds (at least 1), and the
 * dispatcher's four sends in flight, each answered 20 ms after it goes. Nothing waits for real time.
 */
class PaceRuleSimulationTest {

    private static final double CAP = 9;
    private static final int BURST = 25;
    private static final Duration LATENCY = Duration.ofMillis(20);
    private static final int SENDS_IN_FLIGHT = 4;
    private static final Duration RUN = Duration.ofMinutes(10);
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final Instant START = Instant.parse("2026-11-22T09:00:00Z");

    /** The service's defaults: it starts at 4 a second, below the cap it has to find. */
    private static final PaceRule DEFAULTS = new PaceRule(4, 12, PacingSettings.DEFAULT_DECREASE,
            PacingSettings.DEFAULT_INCREASE, PacingSettings.DEFAULT_CREEP, SENDS_IN_FLIGHT);

    @Test
    void oneWorkspaceConvergesWithinTenPercentOfTheCapWithinAMinute() {
        Simulation sim = new Simulation(DEFAULTS, 1);
        sim.run(RUN);
        Lane lane = sim.lanes.get(0);

        Duration converged = lane.convergedAfter();
        System.out.printf("one lane: converged after %s, rate after it %.2f/s (cap %.0f), 429s %d of %d sends%n",
                converged, lane.rateAfter(converged), CAP, lane.throttled, lane.sends);
        assertThat(converged).as("time until the rate over every later half minute is within 10 % of the cap")
                .isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(lane.rateAfter(converged) / CAP).isBetween(0.9, 1.1);
        assertThat((double) lane.throttled / lane.sends).isLessThanOrEqualTo(0.01);
    }

    @Test
    void oneWorkspaceSeesNoMoreThanOnePercent429s() {
        Simulation sim = new Simulation(DEFAULTS, 1);
        sim.run(RUN);
        Lane lane = sim.lanes.get(0);

        assertThat(lane.sends).as("sends over ten minutes").isGreaterThan((int) (0.9 * CAP * RUN.toSeconds()));
        assertThat((double) lane.throttled / lane.sends).isLessThanOrEqualTo(0.01);
    }

    @Test
    void tenWorkspacesTogetherReachNinetyPercentOfTheirCaps() {
        Simulation sim = new Simulation(DEFAULTS, 10);
        sim.run(RUN);

        Duration from = Duration.ofSeconds(60);
        double total = sim.lanes.stream().mapToDouble(l -> l.rateAfter(from)).sum();
        int throttled = sim.lanes.stream().mapToInt(l -> l.throttled).sum();
        int sends = sim.lanes.stream().mapToInt(l -> l.sends).sum();
        System.out.printf("ten lanes: %.1f/s after the first minute (caps %.0f), 429s %d of %d sends%n",
                total, 10 * CAP, throttled, sends);
        assertThat(total).isGreaterThanOrEqualTo(0.9 * 10 * CAP);
        assertThat((double) throttled / sends).isLessThanOrEqualTo(0.01);
    }

    @Test
    void theBucketSeesTheLaneRespectARetryAfter() {
        Simulation sim = new Simulation(DEFAULTS, 1);
        sim.run(RUN);
        Lane lane = sim.lanes.get(0);

        assertThat(lane.sentDuringPause).as("sends that went while the platform had asked to wait").isZero();
    }

    /** A platform's rate limit: a bucket of {@code burst} tokens refilled at {@code perSecond}, starting full. */
    static final class SimulatedBucket {

        private final long microsPerToken;
        private final long burstMicros;
        private long fullAt;

        SimulatedBucket(double perSecond, int burst, long now) {
            this.microsPerToken = Math.round(1e6 / perSecond);
            this.burstMicros = (burst - 1) * microsPerToken;
            this.fullAt = now;
        }

        /** Zero when a token was taken, else how long until there is one. */
        long tryTake(long now) {
            long owed = Math.max(fullAt, now) - now;
            if (owed > burstMicros) {
                return owed - burstMicros;
            }
            fullAt = now + owed + microsPerToken;
            return 0;
        }
    }

    /** One workspace: its pace, its platform bucket, and what happened to its sends. */
    static final class Lane {

        final SimulatedBucket bucket;
        final List<Long> accepted = new ArrayList<>();
        LaneBudget budget;
        int sends;
        int throttled;
        int sentDuringPause;
        long platformPausedUntil;

        Lane(PaceRule rule) {
            this.bucket = new SimulatedBucket(CAP, BURST, micros(START));
            this.budget = rule.fresh(START);
        }

        /**
         * When the achieved rate settled: the end of the first 30-second window from which every later window,
         * stepped a second at a time to the end of the run, has a rate within 10 % of the cap.
         *
         * <p>Half a minute, not less, because each 429 costs a whole second with nothing sent (Slack's
         * {@code Retry-After} is in whole seconds, at least 1, even when its next token is 0.1 s away), and the
         * lane's rate swings a little around the cap between 429s, which come about every 30 s: over 10-second
         * windows the same run reads 8.0 to 9.7 a second once settled, 11 % under to 8 % over.
         */
        Duration convergedAfter() {
            long end = RUN.toSeconds() - WINDOW.toSeconds();
            long converged = end;
            for (long s = end; s >= 0; s--) {
                double rate = countBetween(s, s + WINDOW.toSeconds()) / (double) WINDOW.toSeconds();
                if (Math.abs(rate - CAP) > 0.1 * CAP) {
                    break;
                }
                converged = s;
            }
            return Duration.ofSeconds(converged).plus(WINDOW);
        }

        double rateAfter(Duration from) {
            return countBetween(from.toSeconds(), RUN.toSeconds()) / (double) (RUN.toSeconds() - from.toSeconds());
        }

        private long countBetween(long fromSecond, long toSecond) {
            long from = micros(START) + fromSecond * 1_000_000;
            long to = micros(START) + toSecond * 1_000_000;
            return accepted.stream().filter(t -> t >= from && t < to).count();
        }
    }

    /** Sends in flight for each lane, as the dispatcher's threads, driven by events in time order. */
    static final class Simulation {

        private final PaceRule rule;
        final List<Lane> lanes;
        private final PriorityQueue<Event> events = new PriorityQueue<>();
        private long sequence;

        Simulation(PaceRule rule, int laneCount) {
            this.rule = rule;
            this.lanes = IntStream.range(0, laneCount).mapToObj(i -> new Lane(rule)).toList();
            for (Lane lane : lanes) {
                for (int i = 0; i < SENDS_IN_FLIGHT; i++) {
                    schedule(micros(START), lane, Step.RESERVE, 0);
                }
            }
        }

        void run(Duration length) {
            long end = micros(START.plus(length));
            while (!events.isEmpty() && events.peek().at < end) {
                Event e = events.poll();
                switch (e.step) {
                    case RESERVE -> reserve(e);
                    case SEND -> send(e);
                    case ANSWER -> answer(e);
                }
            }
        }

        private void reserve(Event e) {
            PaceRule.Reservation r = rule.reserve(e.lane.budget, instant(e.at));
            e.lane.budget = r.after();
            schedule(Math.max(e.at, micros(r.slot())), e.lane, Step.SEND, 0);
        }

        /** Like the dispatcher, a send that finds its lane paused after waiting for its slot goes back. */
        private void send(Event e) {
            Lane lane = e.lane;
            if (micros(lane.budget.pausedUntil()) > e.at) {
                schedule(micros(lane.budget.pausedUntil()), lane, Step.RESERVE, 0);
                return;
            }
            lane.sends++;
            if (e.at < lane.platformPausedUntil) {
                lane.sentDuringPause++;
            }
            long wait = lane.bucket.tryTake(e.at);
            if (wait == 0) {
                lane.accepted.add(e.at);
            } else {
                lane.throttled++;
                long seconds = Math.max(1, (wait + 999_999) / 1_000_000);
                lane.platformPausedUntil = Math.max(lane.platformPausedUntil, e.at + seconds * 1_000_000);
            }
            schedule(e.at + LATENCY.toNanos() / 1_000, lane, Step.ANSWER, wait == 0 ? 0
                    : Math.max(1, (wait + 999_999) / 1_000_000));
        }

        private void answer(Event e) {
            if (e.retryAfterSeconds > 0) {
                e.lane.budget = rule.limited(e.lane.budget, instant(e.at), Duration.ofSeconds(e.retryAfterSeconds));
            }
            schedule(e.at, e.lane, Step.RESERVE, 0);
        }

        private void schedule(long at, Lane lane, Step step, long retryAfterSeconds) {
            events.add(new Event(at, sequence++, lane, step, retryAfterSeconds));
        }
    }

    enum Step { RESERVE, SEND, ANSWER }

    record Event(long at, long sequence, Lane lane, Step step, long retryAfterSeconds) implements Comparable<Event> {

        @Override
        public int compareTo(Event other) {
            return at != other.at ? Long.compare(at, other.at) : Long.compare(sequence, other.sequence);
        }
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    }
}
