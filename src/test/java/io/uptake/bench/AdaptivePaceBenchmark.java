package io.uptake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures how the dispatcher's adaptive pace finds a Slack cap it is not told: a fake Slack admits 9 messages a
 * second per workspace in bursts of 25, and the service starts at its default pace (4 a second) with its default
 * pacing settings. Run 1 sends a round to one workspace; run 2 to ten workspaces at once.
 *
 * <p>Run it with {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.main=io.uptake.bench.AdaptivePaceBenchmark}.
 * It is not a test: it waits for real time, about six minutes. The service ({@link BenchWorker}) runs in a child JVM
 * on a SQLite file, with the real dispatcher, pacer and clock; the fake platform ({@link FakeSlack}) in this one.
 *
 * <p>"Converged" is the end of the first 30-second window, stepped a second at a time from the first message
 * accepted, from which every window to the end of the run holds a rate within 10 % of the cap, as in
 * {@code PaceRuleSimulationTest}. The table is printed and written to {@code target/bench/adaptive-pace.md}.
 */
public final class AdaptivePaceBenchmark {

    private static final Path DIR = Path.of("target", "bench");
    private static final double CAP = 9;
    private static final int BURST = 25;
    private static final int ONE_WORKSPACE_RECIPIENTS = 2_000;
    private static final int WORKSPACES = 10;
    private static final int PER_WORKSPACE_RECIPIENTS = 1_000;
    private static final int CONCURRENCY = 4;
    private static final long WINDOW_SECONDS = 30;
    private static final long TEN_WORKSPACES_FROM_SECONDS = 60;

    private AdaptivePaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(DIR);
        System.out.println("Run 1: one workspace, " + ONE_WORKSPACE_RECIPIENTS + " recipients, cap " + CAP + "/s");
        String one = oneWorkspace();
        System.out.println("Run 2: " + WORKSPACES + " workspaces, " + PER_WORKSPACE_RECIPIENTS + " recipients each");
        String ten = tenWorkspaces();
        String table = String.format(Locale.ROOT, """
                Fake Slack: %.0f messages/s per workspace, burst %d, 429 with Retry-After in whole seconds \
                (at least 1); the service starts at its default pace with its default pacing settings and \
                concurrency %d; %d cores, Java %s.

                %s
                %s""", CAP, BURST, CONCURRENCY, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), one, ten);
        Files.writeString(DIR.resolve("adaptive-pace.md"), table);
        System.out.println();
        System.out.println(table);
    }

    private static String oneWorkspace() throws Exception {
        String loadAtStart = BenchReport.Load.now();
        long started = System.nanoTime();
        try (FakeSlack slack = FakeSlack.start(CAP, BURST)) {
            run(slack, "adaptive-one.db", ONE_WORKSPACE_RECIPIENTS, 1, "1");
            List<Long> times = slack.acceptNanosByTeam().get(BenchAudience.TENANT);
            FakeSlack.Tally tally = slack.tally();
            long converged = convergedAfter(times);
            double after = rate(times, times.get(0) + seconds(converged), times.get(times.size() - 1));
            double[] swing = tenSecondSwing(times, converged);
            return String.format(Locale.ROOT, """
                    | Run 1: one workspace, %,d recipients | measured | goal |
                    |---|---:|---:|
                    | time to converge within 10 %% of the cap (30-s windows) | %d s | ≤ 60 s |
                    | achieved rate ÷ cap after converging | %.3f (%.2f/s) | 0.9–1.1 |
                    | 10-s windows after converging, lowest–highest | %.1f–%.1f/s | |
                    | 429s ÷ sends | %d ÷ %,d = %.2f %% | ≤ 1 %% |
                    | messages accepted, distinct recipients | %,d, %,d | %,d |
                    | machine load (1-min, start → end), wall time | %s → %s, %d s | |
                    """, ONE_WORKSPACE_RECIPIENTS, converged, after / CAP, after, swing[0], swing[1], tally.throttled(),
                    tally.accepted() + tally.throttled(),
                    100.0 * tally.throttled() / (tally.accepted() + tally.throttled()), tally.accepted(),
                    tally.distinct(), ONE_WORKSPACE_RECIPIENTS, loadAtStart, BenchReport.Load.now(),
                    secondsSince(started));
        }
    }

    private static String tenWorkspaces() throws Exception {
        String loadAtStart = BenchReport.Load.now();
        long started = System.nanoTime();
        int recipients = WORKSPACES * PER_WORKSPACE_RECIPIENTS;
        try (FakeSlack slack = FakeSlack.start(CAP, BURST)) {
            run(slack, "adaptive-ten.db", recipients, WORKSPACES, "2");
            Map<String, List<Long>> byTeam = slack.acceptNanosByTeam();
            long first = byTeam.values().stream().mapToLong(t -> t.get(0)).min().orElseThrow();
            long from = first + seconds(TEN_WORKSPACES_FROM_SECONDS);
            long to = byTeam.values().stream().mapToLong(t -> t.get(t.size() - 1)).min().orElseThrow();
            double total = byTeam.values().stream().mapToDouble(t -> rate(t, from, to)).sum();
            FakeSlack.Tally tally = slack.tally();
            return String.format(Locale.ROOT, """
                    | Run 2: %d workspaces at once, %,d recipients each | measured | goal |
                    |---|---:|---:|
                    | total rate from %d s until the first workspace finished (%d s) | %.1f/s | ≥ %.1f/s |
                    | total ÷ (%d × cap) | %.3f | ≥ 0.9 |
                    | 429s ÷ sends | %d ÷ %,d = %.2f %% | ≤ 1 %% |
                    | messages accepted, distinct recipients | %,d, %,d | %,d |
                    | machine load (1-min, start → end), wall time | %s → %s, %d s | |
                    """, WORKSPACES, PER_WORKSPACE_RECIPIENTS, TEN_WORKSPACES_FROM_SECONDS,
                    TimeUnit.NANOSECONDS.toSeconds(to - first), total, 0.9 * WORKSPACES * CAP, WORKSPACES,
                    total / (WORKSPACES * CAP), tally.throttled(), tally.accepted() + tally.throttled(),
                    100.0 * tally.throttled() / (tally.accepted() + tally.throttled()), tally.accepted(),
                    tally.distinct(), recipients, loadAtStart, BenchReport.Load.now(), secondsSince(started));
        }
    }

    private static void run(FakeSlack slack, String database, int recipients, int workspaces, String name)
            throws IOException, InterruptedException {
        Path db = DIR.resolve(database);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        WorkerArgs args = new WorkerArgs(WorkerArgs.Mode.SEED, db.toAbsolutePath(), slack.url(), 0, recipients,
                CONCURRENCY, workspaces);
        WorkerProcess worker = WorkerProcess.start(args, DIR.resolve("adaptive-" + name + ".log"), name);
        int exit = worker.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("run " + name + " failed with exit code " + exit + "; see " + DIR);
        }
    }

    /** Seconds from the first accept to the end of the first window from which every window is within 10 %. */
    static long convergedAfter(List<Long> times) {
        long first = times.get(0);
        long lastWindowStart = (times.get(times.size() - 1) - first) / 1_000_000_000L - WINDOW_SECONDS;
        long converged = lastWindowStart;
        for (long s = lastWindowStart; s >= 0; s--) {
            long from = first + seconds(s);
            double rate = count(times, from, from + seconds(WINDOW_SECONDS)) / (double) WINDOW_SECONDS;
            if (Math.abs(rate - CAP) > 0.1 * CAP) {
                break;
            }
            converged = s;
        }
        return converged + WINDOW_SECONDS;
    }

    /** The lowest and highest rate over 10-second windows from {@code fromSecond} to the last whole window. */
    private static double[] tenSecondSwing(List<Long> times, long fromSecond) {
        long first = times.get(0);
        List<Double> rates = new ArrayList<>();
        for (long s = first + seconds(fromSecond); s + seconds(10) <= times.get(times.size() - 1); s += seconds(1)) {
            rates.add(count(times, s, s + seconds(10)) / 10.0);
        }
        return new double[] {rates.stream().mapToDouble(d -> d).min().orElse(0),
            rates.stream().mapToDouble(d -> d).max().orElse(0)};
    }

    private static double rate(List<Long> times, long from, long to) {
        return to <= from ? 0 : count(times, from, to) / ((to - from) / 1e9);
    }

    private static long count(List<Long> times, long from, long to) {
        return times.stream().filter(t -> t >= from && t < to).count();
    }

    private static long seconds(long seconds) {
        return TimeUnit.SECONDS.toNanos(seconds);
    }

    private static long secondsSince(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - nanos);
    }
}
