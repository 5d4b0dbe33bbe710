package io.uptake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Measures a pulse round of 10,000 recipients against a fake Slack that enforces a rate limit: once straight
 * through (run A), and once with the service killed with SIGKILL half-way and restarted on the same database
 * (run B). It reports the rate achieved against the limit, and the messages duplicated and lost.
 *
 * <p>Run it with {@code mvn -B -q -Pbench test-compile exec:exec}. It is not a test: it waits for real time and
 * takes a few minutes. The fake platform ({@link FakeSlack}) runs in this process; the service
 * ({@link BenchWorker}) in child JVMs, so that it can be killed.
 *
 * <p>Settings, as system properties {@code -Dbench.NAME=value} (which the Maven profile passes on) or as
 * {@code NAME=value} arguments:
 * <ul>
 *   <li>{@code rate}: the platform's limit L in messages a second, default 200</li>
 *   <li>{@code pace}: the dispatcher's {@code uptake.delivery.slack-posts-per-second}, default L; set it above L
 *       to see how 429s are handled</li>
 *   <li>{@code burst}: tokens the fake admits at once above the steady rate, default L/10</li>
 *   <li>{@code recipients}: people in the round, default 10,000</li>
 *   <li>{@code concurrency}: the dispatcher's sends in flight, default 4 (the service's default)</li>
 *   <li>{@code killAt}: in run B, accepted messages after which the worker is killed, default recipients/2 + 100
 *       (half a dispatcher batch: see {@link BenchSettings})</li>
 * </ul>
 *
 * <p>The table is printed and written to {@code target/bench/pulse-round.md}; each worker's log and database are
 * left in {@code target/bench/}.
 */
public final class PulseRoundBenchmark {

    private static final Path DIR = Path.of("target", "bench");

    private PulseRoundBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.from(args);
        Files.createDirectories(DIR);
        System.out.println("Run A: " + settings.recipients() + " recipients at " + settings.rate() + "/s");
        BenchReport.StraightRun a = straight(settings);
        System.out.println("Run B: killed after ~" + settings.killAt() + " accepted, then restarted");
        BenchReport.CrashedRun b = crashed(settings);
        String table = new BenchReport(settings, a, b).markdown();
        Files.writeString(DIR.resolve("pulse-round.md"), table);
        System.out.println();
        System.out.println(table);
    }

    private static BenchReport.StraightRun straight(BenchSettings settings) throws Exception {
        long started = System.nanoTime();
        String loadAtStart = BenchReport.Load.now();
        try (FakeSlack slack = FakeSlack.start(settings.rate(), settings.burst())) {
            WorkerArgs args = seed(settings, "run-a.db", slack);
            expectSuccess(WorkerProcess.start(args, DIR.resolve("run-a.log"), "A"), "run A");
            writePerSecond(slack, DIR.resolve("run-a-per-second.csv"));
            double steady = slack.rateAfter(Duration.ofSeconds(BenchReport.WARM_UP_SECONDS));
            return new BenchReport.StraightRun(slack.tally(), steady,
                    new BenchReport.Load(loadAtStart, BenchReport.Load.now()), secondsSince(started));
        }
    }

    private static BenchReport.CrashedRun crashed(BenchSettings settings) throws Exception {
        long started = System.nanoTime();
        String loadAtStart = BenchReport.Load.now();
        try (FakeSlack slack = FakeSlack.start(settings.rate(), settings.burst())) {
            WorkerArgs args = seed(settings, "run-b.db", slack);
            WorkerProcess first = WorkerProcess.start(args, DIR.resolve("run-b-killed.log"), "B1");
            while (slack.accepted() < settings.killAt() && first.isAlive()) {
                TimeUnit.MILLISECONDS.sleep(2);
            }
            int acceptedAtKill = slack.accepted();
            first.kill();
            int killExit = first.waitFor();
            // 137 = 128 + 9: the JVM was ended by SIGKILL, with no shutdown hook and no chance to commit.
            System.out.println("  [B1] killed after " + acceptedAtKill + " accepted; exit code " + killExit);
            WorkerProcess second = WorkerProcess.start(args.resume(), DIR.resolve("run-b-resumed.log"), "B2");
            expectSuccess(second, "run B's restart");
            return new BenchReport.CrashedRun(slack.tally(), acceptedAtKill, killExit,
                    second.foundSending().orElse(-1), new BenchReport.Load(loadAtStart, BenchReport.Load.now()),
                    secondsSince(started));
        }
    }

    private static WorkerArgs seed(BenchSettings settings, String database, FakeSlack slack) throws IOException {
        Path db = DIR.resolve(database);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        return new WorkerArgs(WorkerArgs.Mode.SEED, db.toAbsolutePath(), slack.url(), settings.pace(),
                settings.recipients(), settings.concurrency(), 1);
    }

    private static void writePerSecond(FakeSlack slack, Path csv) throws IOException {
        StringBuilder out = new StringBuilder("second,accepted\n");
        int[] counts = slack.perSecond();
        for (int s = 0; s < counts.length; s++) {
            out.append(s).append(',').append(counts[s]).append('\n');
        }
        Files.writeString(csv, out);
    }

    private static void expectSuccess(WorkerProcess worker, String what) throws InterruptedException {
        int exit = worker.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(what + " failed with exit code " + exit + "; see its log in " + DIR);
        }
    }

    private static long secondsSince(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - nanos);
    }
}
