package io.uptake.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.uptake.metrics.ComputeScorecard;
import io.uptake.metrics.Scorecard;
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
                "datasources.default.url", db.toString(), "micronaut.server.port", -1), "test")) {
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
            resetPeaks();
            long scanNanos = scan(dataSource, TABLE_SCAN);
            long indexScanNanos = scan(dataSource, INDEX_SCAN);
            long[] passes = new long[2];
            int workflows = 0;
            for (int pass = 0; pass < passes.length; pass++) {
                long start = System.nanoTime();
                workflows = 0;
                for (List<String> programmes : digests) {
                    Scorecard card = compute.forWeek(week, programmes);
                    workflows += card.programmes().stream().mapToInt(p -> p.workflows().size()).sum();
                }
                passes[pass] = System.nanoTime() - start;
            }
            long peakHeap = peakHeap();
            String table = report(counts, seedSeconds, digests.size(), workflows, scanNanos, indexScanNanos,
                    passes, peakHeap);
            Files.writeString(DIR.resolve("scorecard.md"), table);
            System.out.println();
            System.out.println(table);
        }
    }

    /** The table itself, row by row ({@code NOT INDEXED}: else SQLite reads the narrower covering index). */
    static final String TABLE_SCAN = "SELECT COUNT(*), SUM(value_int) FROM answer NOT INDEXED";
    static final String INDEX_SCAN = "SELECT COUNT(*), SUM(value_int) FROM answer";

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

    static String report(BenchHistory.Counts counts, long seedSeconds, int digests, int workflows, long scanNanos,
                         long indexScanNanos, long[] passes, long peakHeap) {
        double scanMs = scanNanos / 1e6;
        double firstMs = passes[0] / 1e6;
        double secondMs = passes[1] / 1e6;
        return String.format(Locale.ROOT, """
                %,d people, %,d answers (%d weekly rounds × 4 questions), %,d deliveries, %,d telemetry rows \
                (a year, daily); %d programmes × %d workflows, %d digest subscriptions; SQLite file; %d cores, Java %s, \
                max heap %d MB. Seeding took %d s.

                | | time | ÷ one full scan (goal ≤ 3) |
                |---|---:|---:|
                | one full scan of the answers table (`SELECT COUNT(*), SUM(value_int) FROM answer NOT INDEXED`) | %.0f ms | 1 |
                | the same sum read from the covering index `answer_round_value` instead (SQLite's own choice) | %.0f ms | %.2f |
                | every digest's scorecard (%d scorecards, %d workflow scores), first pass | %.0f ms | %.2f |
                | the same, second pass | %.0f ms | %.2f |
                | peak heap while scanning and composing (sum of heap pool peaks) | %.0f MB | |
                """,
                PEOPLE, counts.answers(), WEEKS, counts.deliveries(), counts.usage(), PROGRAMMES,
                WORKFLOWS_PER_PROGRAMME, digests, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024), seedSeconds,
                scanMs, indexScanNanos / 1e6, indexScanNanos / 1e6 / scanMs, digests, workflows, firstMs, firstMs / scanMs, secondMs, secondMs / scanMs,
                peakHeap / (1024.0 * 1024.0));
    }
}
