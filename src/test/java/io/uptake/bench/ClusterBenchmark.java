package io.uptake.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Measures a pulse round of 10,000 recipients sent by three nodes of the service on one PostgreSQL database, against
 * a fake Slack that enforces a rate limit per workspace: once straight through (run A), and once with node 1 killed
 * with SIGKILL half-way (run B), the other two finishing.
 *
 * <p>Run it with {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.main=io.uptake.bench.ClusterBenchmark}. It
 * needs the PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}) and takes a few minutes.
 * Each node ({@link ClusterWorker}) is the service as it runs in production, scheduler and dispatch loop on, in its
 * own JVM; only its gateway is the benchmark's. Settings as for {@link PulseRoundBenchmark} ({@code rate},
 * {@code burst}, {@code pace}, {@code recipients}, {@code concurrency}, {@code killAt}).
 *
 * <p>Run B reports what the issue asks of a crash: how soon the killed node's claimed messages went out from
 * another node (the lease, 6 s, plus a pass), how many of them it had already handed to the platform (each one a
 * duplicate the platform accepted twice: the in-flight window), and that nothing was lost.
 */
public final class ClusterBenchmark {

    static final String ROUND_OPEN = "round open";
    static final String NODE = "node=";
    static final int NODES = 3;
    private static final Path DIR = Path.of("target", "bench");
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    private ClusterBenchmark() {
    }

    /**
     * One run's results.
     *
     * @param claimedByKilled rows node 1 held in 'sending' when it was killed (run B only)
     * @param inFlight        of those, the ones the platform had already accepted from node 1: sent twice
     * @param takeoverSeconds from the kill to the last of node 1's claimed rows accepted from another node
     */
    record Run(FakeSlack.Tally tally, double steadyRate, int acceptedAtKill, int killExit, int claimedByKilled,
               int inFlight, double takeoverSeconds, BenchReport.Load load, long wallSeconds) {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.from(args);
        Files.createDirectories(DIR);
        int killAt = System.getProperty("bench.killAt", "auto").equals("auto") ? settings.recipients() / 2
                : settings.killAt();
        System.out.println("Run A: " + settings.recipients() + " recipients, " + NODES + " nodes, limit "
                + settings.rate() + "/s");
        Run a = run(settings, "a", -1);
        System.out.println("Run B: node 1 killed after ~" + killAt + " accepted");
        Run b = run(settings, "b", killAt);
        String table = markdown(settings, killAt, a, b);
        Files.writeString(DIR.resolve("cluster.md"), table);
        System.out.println();
        System.out.println(table);
    }

    private static Run run(BenchSettings settings, String name, int killAt) throws Exception {
        long started = System.nanoTime();
        String loadAtStart = BenchReport.Load.now();
        String schema = "uptake_cluster_bench_" + name;
        try (Connection admin = DriverManager.getConnection(PG, "postgres", "");
                FakeSlack slack = FakeSlack.start(settings.rate(), settings.burst())) {
            admin.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            admin.createStatement().execute("CREATE SCHEMA " + schema);
            String url = PG + "?currentSchema=" + schema;
            List<WorkerProcess> nodes = new ArrayList<>();
            nodes.add(start("seed", url, slack, settings, name, 1));
            while (!nodes.get(0).reported(ROUND_OPEN)) {
                if (!nodes.get(0).isAlive()) {
                    throw new IllegalStateException("node 1 of run " + name + " ended before opening the round");
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            for (int node = 2; node <= NODES; node++) {
                nodes.add(start("join", url, slack, settings, name, node));
            }
            int acceptedAtKill = -1;
            int killExit = -1;
            int claimed = -1;
            int inFlight = -1;
            double takeover = -1;
            if (killAt >= 0) {
                while (slack.accepted() < killAt && nodes.get(0).isAlive()) {
                    TimeUnit.MILLISECONDS.sleep(2);
                }
                String killed = nodes.get(0).report(NODE).orElseThrow();
                nodes.get(0).kill();
                long killedAt = System.nanoTime();
                acceptedAtKill = slack.accepted();
                killExit = nodes.get(0).waitFor();
                Set<String> held = heldBy(admin, schema, killed);
                claimed = held.size();
                inFlight = slack.acceptedBefore(held, killedAt).size();
                System.out.printf("  [%s1] killed after %d accepted, exit %d; it held %d rows, %d already accepted%n",
                        name, acceptedAtKill, killExit, claimed, inFlight);
                for (WorkerProcess node : nodes.subList(1, nodes.size())) {
                    expectSuccess(node, "run " + name);
                }
                Map<String, Long> resent = slack.firstAcceptAfter(held, killedAt);
                takeover = resent.size() < held.size() ? Double.NaN
                        : resent.values().stream().mapToLong(t -> t - killedAt).max().orElse(0) / 1e9;
            } else {
                for (WorkerProcess node : nodes) {
                    expectSuccess(node, "run " + name);
                }
            }
            double steady = slack.rateAfter(java.time.Duration.ofSeconds(BenchReport.WARM_UP_SECONDS));
            return new Run(slack.tally(), steady, acceptedAtKill, killExit, claimed, inFlight, takeover,
                    new BenchReport.Load(loadAtStart, BenchReport.Load.now()),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }
    }

    private static WorkerProcess start(String role, String url, FakeSlack slack, BenchSettings settings, String run,
                                       int node) throws Exception {
        return WorkerProcess.start(ClusterWorker.class, List.of(role, url, slack.url().toString(),
                Double.toString(settings.pace()), Integer.toString(settings.recipients()),
                Integer.toString(settings.concurrency())), DIR.resolve("cluster-" + run + node + ".log"), run + node);
    }

    /** The recipients of the rows a node held in 'sending' when it died: its claims name it first. */
    private static Set<String> heldBy(Connection admin, String schema, String node) throws SQLException {
        try (Statement statement = admin.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT recipient FROM " + schema + ".outbox WHERE status = 'sending' AND claimed_by LIKE '"
                        + node.replace("'", "''") + ":%'")) {
            Set<String> recipients = new java.util.HashSet<>();
            while (rs.next()) {
                recipients.add(rs.getString(1));
            }
            return recipients;
        }
    }

    private static void expectSuccess(WorkerProcess worker, String what) throws InterruptedException {
        int exit = worker.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(what + ": a node failed with exit code " + exit + "; see " + DIR);
        }
    }

    private static String markdown(BenchSettings settings, int killAt, Run a, Run b) {
        int n = settings.recipients();
        return String.format(Locale.ROOT, """
                %d nodes on one PostgreSQL; workspace limit L = %s messages/s (token bucket, burst %d), each node \
                paced from %s/s with concurrency %d; %,d recipients; %d cores, Java %s.

                | | A: three nodes straight through | B: node 1 SIGKILLed after ~%,d |
                |---|---:|---:|
                | messages accepted | %,d | %,d |
                | distinct recipients | %,d | %,d |
                | duplicates | %d | %d |
                | lost (goal 0) | %d | %d |
                | 429 answers (goal 0 or near) | %d | %d |
                | achieved rate, first to last accept | %.1f/s | %.1f/s |
                | achieved ÷ limit (goal ≥ 0.95) | %.3f | – |
                | rate after the first %d s, ÷ limit | %.3f | – |
                | rows node 1 held when killed | – | %d |
                | of those already accepted (in flight: the duplicates' bound) | – | %d |
                | kill → last of node 1's rows sent by another node (goal ≤ 10 s) | – | %.1f s |
                | exit code of the killed node | – | %d |
                | wall time | %d s | %d s |
                | machine load (1-min average), start → end | %s | %s |
                """,
                NODES, trim(settings.rate()), settings.burst(), trim(settings.pace()), settings.concurrency(), n,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), killAt,
                a.tally().accepted(), b.tally().accepted(),
                a.tally().distinct(), b.tally().distinct(),
                a.tally().duplicates(), b.tally().duplicates(),
                a.tally().lost(n), b.tally().lost(n),
                a.tally().throttled(), b.tally().throttled(),
                a.tally().rate(), b.tally().rate(),
                a.tally().rate() / settings.rate(),
                BenchReport.WARM_UP_SECONDS, a.steadyRate() / settings.rate(),
                b.claimedByKilled(), b.inFlight(), b.takeoverSeconds(), b.killExit(),
                a.wallSeconds(), b.wallSeconds(), a.load(), b.load());
    }

    private static String trim(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
