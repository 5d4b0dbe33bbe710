package io.uptake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The two runs' results as a Markdown table. */
record BenchReport(BenchSettings settings, StraightRun a, CrashedRun b) {

    /** Seconds of a run left out of its steady rate: the fresh worker JVM is still compiling its hot paths. */
    static final int WARM_UP_SECONDS = 10;

    /**
     * Run A: one worker sends the whole round.
     *
     * @param steadyRate messages a second after the first {@link #WARM_UP_SECONDS} seconds of sending
     */
    record StraightRun(FakeSlack.Tally tally, double steadyRate, Load load, long wallSeconds) {
    }

    /** The machine's one-minute load average when a run started and when it ended: other work slows a run. */
    record Load(String start, String end) {

        static String now() {
            try {
                return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            } catch (IOException e) {
                return "n/a";
            }
        }

        @Override
        public String toString() {
            return start + " → " + end;
        }
    }

    /**
     * Run B: the first worker is killed, a second one finishes.
     *
     * @param acceptedAtKill messages the platform had accepted when the kill was sent
     * @param killExit       the killed worker's exit code (137 = 128 + SIGKILL)
     * @param foundSending   rows the second worker found in 'sending' (claimed by the killed one) and sent again
     */
    record CrashedRun(FakeSlack.Tally tally, int acceptedAtKill, int killExit, int foundSending, Load load,
                      long wallSeconds) {
    }

    String markdown() {
        int n = settings.recipients();
        return String.format(Locale.ROOT, """
                Limit L = %s messages/s (token bucket, burst %d), dispatcher paced at %s/s with concurrency %d, \
                %,d recipients; %d cores, Java %s.

                | | A: straight through | B: SIGKILL after ~%,d, restart |
                |---|---:|---:|
                | messages accepted | %,d | %,d |
                | distinct recipients | %,d | %,d |
                | duplicates (goal 0) | %d | %d |
                | lost (goal 0) | %d | %d |
                | 429 answers | %d | %d |
                | achieved rate, first to last accept | %.1f/s | – |
                | achieved ÷ limit (goal ≥ 0.95) | %.3f | – |
                | rate after the first %d s of sending, ÷ limit | %.3f | – |
                | accepted when killed | – | %,d |
                | exit code of the killed worker | – | %d |
                | rows in 'sending' found by the restart | – | %d |
                | wall time, JVM start to done | %d s | %d s |
                | machine load (1-min average), start → end | %s | %s |
                """,
                trim(settings.rate()), settings.burst(), trim(settings.pace()), settings.concurrency(), n,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                settings.killAt(),
                a.tally().accepted(), b.tally().accepted(),
                a.tally().distinct(), b.tally().distinct(),
                a.tally().duplicates(), b.tally().duplicates(),
                a.tally().lost(n), b.tally().lost(n),
                a.tally().throttled(), b.tally().throttled(),
                a.tally().rate(), a.tally().rate() / settings.rate(),
                WARM_UP_SECONDS, a.steadyRate() / settings.rate(),
                b.acceptedAtKill(), b.killExit(), b.foundSending(),
                a.wallSeconds(), b.wallSeconds(),
                a.load(), b.load());
    }

    private static String trim(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
