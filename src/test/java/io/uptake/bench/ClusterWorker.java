package io.uptake.bench;

import io.micronaut.context.ApplicationContext;
import io.uptake.delivery.OutboxRepository;
import io.uptake.delivery.OutboxRow;
import io.uptake.pulse.OpenRound;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the cluster benchmark, in its own JVM so that it can be killed: the service as it runs in production
 * (scheduler on, so the node's own dispatch loop sends), on the shared PostgreSQL schema, with the benchmark's
 * gateway. The first node also declares the audience and opens the round; every node stays until nothing is left
 * to send, then stops as on SIGTERM.
 *
 * <p>Arguments: {@code seed|join <jdbc url> <fake url> <pace> <recipients> <concurrency>}. Lines starting with
 * {@code bench:} are its reports to the parent.
 */
public final class ClusterWorker {

    private ClusterWorker() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length != 6) {
            throw new IllegalArgumentException(
                    "usage: ClusterWorker seed|join <jdbc url> <fake url> <pace> <recipients> <concurrency>");
        }
        boolean seed = "seed".equals(argv[0]);
        int recipients = Integer.parseInt(argv[4]);
        try (ApplicationContext context = ApplicationContext.builder()
                .environments(BenchWorker.ENVIRONMENT)
                .deduceEnvironment(false)
                .properties(Map.of(
                        "datasources.default.url", argv[1],
                        "datasources.default.username", "postgres",
                        "uptake.bench.fake-url", argv[2],
                        "uptake.delivery.slack-posts-per-second", argv[3],
                        "uptake.delivery.concurrency", argv[5],
                        "uptake.scheduler.enabled", "true"))
                .start()) {
            report(ClusterBenchmark.NODE + nodeId(context));
            if (seed) {
                BenchAudience audience = new BenchAudience(recipients);
                audience.declare(context);
                OpenRound.Result result = context.getBean(OpenRound.class).now(BenchAudience.PULSE);
                if (!(result instanceof OpenRound.Result.Opened opened) || opened.recipients() != recipients) {
                    throw new IllegalStateException("The round did not open for everyone: " + result);
                }
                audience.retirePulse(context);
                report(ClusterBenchmark.ROUND_OPEN);
            }
            OutboxRepository rows = context.getBean(OutboxRepository.class);
            long waiting = 0;
            while (waiting < 20 || rows.countByStatus(OutboxRow.PENDING) + rows.countByStatus(OutboxRow.SENDING) > 0) {
                TimeUnit.MILLISECONDS.sleep(250);
                waiting++;
            }
            report("done: sent=" + rows.countByStatus(OutboxRow.SENT) + " dead=" + rows.countByStatus(OutboxRow.DEAD));
        }
    }

    /** The node id its outbox claims carry. */
    private static String nodeId(ApplicationContext context) {
        return context.getBean(io.uptake.storage.NodeId.class).value();
    }

    private static void report(String line) {
        System.out.println(BenchWorker.REPORT + line);
    }
}
