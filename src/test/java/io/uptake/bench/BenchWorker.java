package io.uptake.bench;

import io.micronaut.context.ApplicationContext;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.OutboxRepository;
import io.uptake.delivery.OutboxRow;
import io.uptake.delivery.Sleeper;
import io.uptake.pulse.OpenRound;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The service side of the benchmark, run in its own JVM so that it can be killed: seeds a pulse round and sends it,
 * or resumes the sending a killed worker left unfinished.
 *
 * <p>It runs the real dispatcher, pacer, clock and sleeper in the {@code bench} environment; only the gateway is
 * the benchmark's. Lines starting with {@code bench:} are its reports to the parent.
 */
public final class BenchWorker {

    static final String ENVIRONMENT = "bench";
    /** How a worker's report lines start. */
    static final String REPORT = "bench: ";
    static final String FOUND_SENDING = "found-sending=";
    private static final long MIN_WAIT_MILLIS = 5;

    private BenchWorker() {
    }

    public static void main(String[] argv) throws Exception {
        WorkerArgs args = WorkerArgs.parse(argv);
        if (args.mode() == WorkerArgs.Mode.RESUME) {
            // Counted before the service starts; its first passes take these back once their lease has lapsed.
            report(FOUND_SENDING + countSending(args.database()));
        }
        try (ApplicationContext context = start(args)) {
            Dispatcher dispatcher = context.getBean(Dispatcher.class);
            if (args.mode() == WorkerArgs.Mode.SEED) {
                seed(context, args.recipients(), args.workspaces());
            }
            OutboxRepository rows = context.getBean(OutboxRepository.class);
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-progress");
                t.setDaemon(true);
                return t;
            });
            progress.scheduleAtFixedRate(() -> report("progress " + counts(rows)), 5, 5, TimeUnit.SECONDS);
            dispatchUntilDone(dispatcher, rows, context.getBean(Sleeper.class), context.getBean(Clock.class));
            progress.shutdownNow();
            report("done " + counts(rows));
        }
    }

    private static ApplicationContext start(WorkerArgs args) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "datasources.default.url", args.database().toString(),
                "uptake.bench.fake-url", args.platform().toString(),
                "uptake.delivery.concurrency", args.concurrency()));
        if (args.pace() > 0) {
            properties.put("uptake.delivery.slack-posts-per-second", args.pace());
        }
        return ApplicationContext.builder()
                .environments(ENVIRONMENT)
                .deduceEnvironment(false)
                .properties(properties)
                .start();
    }

    private static int countSending(Path database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM outbox WHERE status = 'sending'")) {
            return rs.getInt(1);
        }
    }

    private static void seed(ApplicationContext context, int recipients, int workspaces) throws Exception {
        long started = System.nanoTime();
        BenchAudience audience = new BenchAudience(recipients, workspaces);
        audience.declare(context);
        report("seeded " + recipients + " people in " + millisSince(started) + " ms");
        started = System.nanoTime();
        OpenRound.Result result = context.getBean(OpenRound.class).now(BenchAudience.PULSE);
        if (!(result instanceof OpenRound.Result.Opened opened) || opened.recipients() != recipients) {
            throw new IllegalStateException("The round did not open for everyone: " + result);
        }
        audience.retirePulse(context);
        report("round " + opened.roundId() + " opened for " + opened.recipients() + " in " + millisSince(started)
                + " ms");
    }

    /**
     * Sends until nothing is pending or being sent. A pass returns early when the rest is not due yet (a 429 pause
     * or a retry's backoff); then it waits for the next due row.
     */
    private static void dispatchUntilDone(Dispatcher dispatcher, OutboxRepository rows, Sleeper sleeper, Clock clock)
            throws InterruptedException {
        while (rows.countByStatus(OutboxRow.PENDING) + rows.countByStatus(OutboxRow.SENDING) > 0) {
            dispatcher.dispatchDue();
            Instant soonest = clock.instant().plusMillis(MIN_WAIT_MILLIS);
            Instant next = rows.nextDue().orElse(soonest);
            sleeper.sleepUntil(next.isAfter(soonest) ? next : soonest);
        }
    }

    private static String counts(OutboxRepository rows) {
        return "sent=" + rows.countByStatus(OutboxRow.SENT) + " pending=" + rows.countByStatus(OutboxRow.PENDING)
                + " sending=" + rows.countByStatus(OutboxRow.SENDING) + " dead=" + rows.countByStatus(OutboxRow.DEAD)
                + " expired=" + rows.countByStatus(OutboxRow.EXPIRED);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void report(String line) {
        System.out.println(REPORT + line);
    }
}
