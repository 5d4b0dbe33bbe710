package io.uptake.bench;

import java.util.Locale;

/** The two runs' results as a Markdown table. */
record BenchReport(BenchSettings settings, StraightRun a, CrashedRun b) {

    /** Run A: one worker sends the whole round. */
    record StraightRun(FakeSlack.Tally tally, long wallSeconds) {
    }

    /**
     * Run B: the first worker is killed, a second one finishes.
     *
     * @param acceptedAtKill messages the platform had accepted when the kill was sent
     * @param killExit       the killed worker's exit code (137 = 128 + SIGKILL)
     * @param foundSending   rows the second worker found in 'sending' (claimed by the killed one) and sent again
     */
    record CrashedRun(FakeSlack.Tally tally, int acceptedAtKill, int killExit, int foundSending, long wallSeconds) {
    }

    String markdown() {
        int n = settings.recipients();
        return String.format(Locale.ROOT, """
                Limit L = %s messages/s (token bucket, burst %d), dispatcher paced at L with concurrency %d, \
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
                | accepted when killed | – | %,d |
                | exit code of the killed worker | – | %d |
                | rows in 'sending' found by the restart | – | %d |
                | wall time, JVM start to done | %d s | %d s |
                """,
                trim(settings.rate()), settings.burst(), settings.concurrency(), n,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                settings.killAt(),
                a.tally().accepted(), b.tally().accepted(),
                a.tally().distinct(), b.tally().distinct(),
                a.tally().duplicates(), b.tally().duplicates(),
                a.tally().lost(n), b.tally().lost(n),
                a.tally().throttled(), b.tally().throttled(),
                a.tally().rate(), a.tally().rate() / settings.rate(),
                b.acceptedAtKill(), b.killExit(), b.foundSending(),
                a.wallSeconds(), b.wallSeconds());
    }

    private static String trim(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
