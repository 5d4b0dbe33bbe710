package io.uptake.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * How long the dashboard's workflow page takes with a year (52 weeks) of history, on a SQLite file seeded as
 * {@link ScorecardBenchmark} seeds it (by default 10,000 people, 20 workflows, 52 weekly rounds of 4 questions, a
 * year of daily telemetry): the first request computes every week's scorecard, later ones read the weeks kept
 * under the figures' version; then the programmes page (12 weeks) after a write made every kept week stale.
 *
 * <p>Run with {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.main=io.uptake.bench.WorkflowPageBenchmark}
 * ({@code -Dbench.people=N} for another size).
 */
public final class WorkflowPageBenchmark {

    static final Path DIR = Path.of("target", "bench");
    static final String TOKEN = "workflow-page-benchmark-token";

    private WorkflowPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(DIR);
        Path db = DIR.resolve("workflow-page.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        int people = Integer.getInteger("bench.people", ScorecardBenchmark.PEOPLE);
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", db.toString(),
                "micronaut.health.monitor.enabled", false, "uptake.admin-token", TOKEN), "test")) {
            DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            long seedStart = System.nanoTime();
            BenchHistory.Counts counts;
            try (Connection c = dataSource.getConnection()) {
                counts = new BenchHistory(c, people, ScorecardBenchmark.PROGRAMMES,
                        ScorecardBenchmark.WORKFLOWS_PER_PROGRAMME, ScorecardBenchmark.WEEKS,
                        ScorecardBenchmark.FIRST_MONDAY).seed();
            }
            System.out.printf(Locale.ROOT, "seeded %,d answers, %,d usage rows, %,d deliveries in %d s%n",
                    counts.answers(), counts.usage(), counts.deliveries(),
                    (System.nanoTime() - seedStart) / 1_000_000_000L);
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            String session = context.getBean(JwtTokenGenerator.class)
                    .generateToken(Authentication.build("admin", List.of("ADMIN")), 3600).orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            String base = server.getURL().toString().replaceAll("/$", "");
            String week = "2026-W47";
            LocalDate last = ScorecardBenchmark.FIRST_MONDAY.plusWeeks(ScorecardBenchmark.WEEKS - 1);
            System.out.println("last seeded week starts " + last + "; page week " + week);
            String workflow = "/workflows/wf-0?week=" + week;
            StringBuilder table = new StringBuilder("| request | ms | bytes |\n|---|---:|---:|\n");
            time(http, base, workflow, session, "workflow page, 52 weeks computed", table);
            for (int i = 1; i <= 3; i++) {
                time(http, base, workflow, session, "workflow page, weeks kept (" + i + ")", table);
            }
            String usage = "{\"batch\": \"bench-stale\", \"events\": [{\"workflow\": \"wf-0\", \"email\": "
                    + "\"p1@example.com\", \"day\": \"2026-11-17\", \"count\": 1}]}";
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/usage-events"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(usage)).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("usage event posted: " + posted.statusCode());
            time(http, base, "/?week=" + week, session, "programmes page, 12 weeks computed after a write", table);
            time(http, base, "/?week=" + week, session, "programmes page, weeks kept", table);
            time(http, base, workflow, session, "workflow page, 40 more weeks computed", table);
            System.out.print(table);
            Files.writeString(DIR.resolve("workflow-page.md"), "Seeded " + people + " people: " + counts.answers()
                    + " answers, " + counts.usage() + " usage rows, " + counts.deliveries() + " deliveries.\n\n"
                    + table);
        }
    }

    private static void time(HttpClient http, String base, String path, String session, String what,
                             StringBuilder table) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "uptake_session=" + session).header("Accept", "text/html").GET().build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        table.append("| ").append(what).append(" | ").append(ms).append(" | ").append(response.body().length())
                .append(" |\n");
        System.out.println(what + ": " + ms + " ms");
    }
}
