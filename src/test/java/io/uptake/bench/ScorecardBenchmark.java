package io.uptake.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.uptake.digest.ComposeDigest;
import io.uptake.digest.DigestChartRenderer;
import io.uptake.metrics.ComputeScorecard;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.SharedScorecards;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * How long composing every digest's scorecard takes against one full scan of the answers table, on a SQLite file
 * with a year of history for 10,000 people: 52 weekly rounds of 4 questions (about 2 million answers) and a year
 * of daily telemetry. Goal: the digests take at most 3 scans. Also the peak heap while composing.
 *
 * <p>Run with {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.main=io.uptake.bench.ScorecardBenchmark}.
 * The table is printed and written to {@code target/bench/scorecard.md}.
 */
public final class ScorecardBenchmark {

    static final Path DIR = Path.of("target", "bench");
    static final int PEOPLE = Integer.getInteger("bench.people", 10_000);
    static final int PROGRAMMES = 10;
    static final int WORKFLOWS_PER_PROGRAMME = 2;
    static final int WEEKS = 52;
    static final LocalDate FIRST_MONDAY = LocalDate.parse("2025-11-24");

    private ScorecardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(DIR);
        Path db = DIR.resolve("scorecard.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url", db.toString(), "micronaut.server.port", -1,
                "micronaut.health.monitor.enabled", false), "test")) {
            DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            long seedStart = System.nanoTime();
            BenchHistory.Counts counts;
            try (Connection c = dataSource.getConnection()) {
                counts = new BenchHistory(c, PEOPLE, PROGRAMMES, WORKFLOWS_PER_PROGRAMME, WEEKS, FIRST_MONDAY).seed();
            }
            long seedSeconds = (System.nanoTime() - seedStart) / 1_000_000_000L;
            System.out.printf(Locale.ROOT, "seeded %,d answers, %,d usage rows, %,d deliveries in %d s%n",
                    counts.answers(), counts.usage(), counts.deliveries(), seedSeconds);

            List<List<String>> digests = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT programmes FROM digest_subscription ORDER BY id")) {
                while (rs.next()) {
                    digests.add(Arrays.asList(rs.getString(1).split(",")));
                }
            }
            ComputeScorecard compute = context.getBean(ComputeScorecard.class);
            LocalDate week = FIRST_MONDAY.plusWeeks(WEEKS - 1);

            scan(dataSource, TABLE_SCAN); // warms the page cache, so the scan and the digests read from the same place
            ComposeDigest composer = context.getBean(ComposeDigest.class);
            compose(compute, week, digests); // and the JIT
            composeShared(compute, composer, week, digests, true);
            resetPeaks();
            String loadStart = load();
            // Interleaved rounds, so a burst of other work on the machine hits scans and digests alike.
            Round[] rounds = new Round[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                long table = scan(dataSource, TABLE_SCAN);
                long index = scan(dataSource, INDEX_SCAN);
                long start = System.nanoTime();
                int workflows = compose(compute, week, digests);
                long digestsNanos = System.nanoTime() - start;
                start = System.nanoTime();
                if (composeShared(compute, composer, week, digests, false) != workflows) {
                    throw new IllegalStateException("the shared scorecard scored other workflows");
                }
                long sharedNanos = System.nanoTime() - start;
                start = System.nanoTime();
                composeShared(compute, composer, week, digests, true);
                rounds[r] = new Round(table, index, digestsNanos, sharedNanos, System.nanoTime() - start, workflows);
            }
            String table = report(counts, seedSeconds, digests.size(), rounds, peakHeap(), loadStart + " → " + load());
            Files.writeString(DIR.resolve("scorecard.md"), table);
            System.out.println();
            System.out.println(table);
        }
    }

    /** The table itself, row by row ({@code NOT INDEXED}: else SQLite reads the narrower covering index). */
    static final String TABLE_SCAN = "SELECT COUNT(*), SUM(value_int) FROM answer NOT INDEXED";
    static final String INDEX_SCAN = "SELECT COUNT(*), SUM(value_int) FROM answer";

    static final int ROUNDS = 5;

    /** One measurement: a table scan, an index scan and every digest's scorecard, back to back. */
    record Round(long tableNanos, long indexNanos, long digestsNanos, long sharedNanos, long chartNanos,
                 int workflows) {
        double ratio() {
            return (double) digestsNanos / tableNanos;
        }

        double sharedRatio() {
            return (double) sharedNanos / tableNanos;
        }

        double chartRatio() {
            return (double) chartNanos / tableNanos;
        }
    }

    /**
     * Every digest composed the way the service composes it: scorecards through the service's shared source
     * (fresh each pass, so nothing is left over from the last), each digest worded and split into Slack and Teams
     * parts, and, with {@code charts}, its chart drawn to PNG.
     */
    static int composeShared(ComputeScorecard compute, ComposeDigest composer, LocalDate week,
                             List<List<String>> digests, boolean charts) {
        SharedScorecards source = new SharedScorecards(compute, () -> 0L);
        int workflows = 0;
        for (List<String> programmes : digests) {
            Scorecard card = source.forWeek(week, programmes);
            if (composer.compose(card, ComposeDigest.SLACK_UNITS, null).isEmpty()
                    || composer.compose(card, ComposeDigest.TEAMS_UNITS, null).isEmpty()) {
                throw new IllegalStateException("a digest with no parts");
            }
            if (charts && DigestChartRenderer.png(card).length == 0) {
                throw new IllegalStateException("an empty chart");
            }
            workflows += card.programmes().stream().mapToInt(p -> p.workflows().size()).sum();
        }
        return workflows;
    }

    static int compose(ComputeScorecard compute, LocalDate week, List<List<String>> digests) {
        int workflows = 0;
        for (List<String> programmes : digests) {
            Scorecard card = compute.forWeek(week, programmes);
            workflows += card.programmes().stream().mapToInt(p -> p.workflows().size()).sum();
        }
        return workflows;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    static long scan(DataSource dataSource, String sql) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            if (rs.getLong(1) == 0) {
                throw new IllegalStateException("no answers seeded");
            }
        }
        return System.nanoTime() - start;
    }

    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound: pools peak at different times). */
    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static String report(BenchHistory.Counts counts, long seedSeconds, int digests, Round[] rounds, long peakHeap,
                         String load) {
        StringBuilder rows = new StringBuilder();
        for (int r = 0; r < rounds.length; r++) {
            Round x = rounds[r];
            rows.append(String.format(Locale.ROOT,
                    "| %d | %.0f ms | %.0f ms | %.0f ms | %.2f | %.0f ms | %.2f | %.0f ms | %.2f |%n",
                    r + 1, x.tableNanos() / 1e6, x.indexNanos() / 1e6, x.digestsNanos() / 1e6, x.ratio(),
                    x.sharedNanos() / 1e6, x.sharedRatio(), x.chartNanos() / 1e6, x.chartRatio()));
        }
        double[] ratios = Arrays.stream(rounds).mapToDouble(Round::ratio).sorted().toArray();
        double[] shared = Arrays.stream(rounds).mapToDouble(Round::sharedRatio).sorted().toArray();
        double[] charts = Arrays.stream(rounds).mapToDouble(Round::chartRatio).sorted().toArray();
        return String.format(Locale.ROOT, """
                %,d people, %,d answers (%d weekly rounds × 4 questions), %,d deliveries, %,d telemetry rows \
                (a year, daily); %d programmes × %d workflows, %d digest subscriptions (one per programme and one \
                with all), %d workflow scores per pass; SQLite file; %d cores, Java %s, max heap %d MB; machine load \
                (1-min average) %s. Seeding took %d s.

                | round | full scan of `answer` (`SELECT COUNT(*), SUM(value_int) FROM answer NOT INDEXED`) \
                | same sum from the covering index | one scorecard per digest | ÷ full scan (goal ≤ 3) \
                | digests as the service composes them (shared scorecard, worded, split) | ÷ full scan (goal ≤ 3) \
                | the same with each digest's chart drawn | ÷ full scan |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|
                %s
                Median ratio: one scorecard per digest %.2f (best %.2f, worst %.2f); digests as the service \
                composes them %.2f (best %.2f, worst %.2f); with their charts %.2f (best %.2f, worst %.2f). \
                Peak heap while scanning and composing (sum of the heap \
                pools' peaks): %.0f MB.
                """,
                PEOPLE, counts.answers(), WEEKS, counts.deliveries(), counts.usage(), PROGRAMMES,
                WORKFLOWS_PER_PROGRAMME, digests, rounds[0].workflows(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024), load,
                seedSeconds, rows, ratios[ratios.length / 2], ratios[0], ratios[ratios.length - 1],
                shared[shared.length / 2], shared[0], shared[shared.length - 1],
                charts[charts.length / 2], charts[0], charts[charts.length - 1],
                peakHeap / (1024.0 * 1024.0));
    }
}
