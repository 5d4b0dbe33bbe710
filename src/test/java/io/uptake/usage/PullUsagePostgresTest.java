package io.uptake.usage;

import static io.uptake.usage.PullWorld.ANA;
import static io.uptake.usage.PullWorld.BO;
import static io.uptake.usage.PullWorld.byEmail;
import static io.uptake.usage.PullWorld.passive;
import static io.uptake.usage.PullWorld.pulled;
import static io.uptake.usage.PullWorld.source;
import static io.uptake.usage.PullWorld.usageDays;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A pull, a second pull of the same days and a CSV export sent twice store the same rows on PostgreSQL. */
class PullUsagePostgresTest {

    static final String PG_URL = System.getenv().getOrDefault("UPTAKE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getenv().getOrDefault("UPTAKE_TEST_POSTGRES_USER", "postgres");
    static final LocalDate D1 = LocalDate.parse("2026-11-19");

    @Test
    void pullsAndExportsAreStoredOnceOnPostgres() throws SQLException {
        String schema = "uptake_pull_" + Long.toHexString(System.nanoTime());
        try (Connection admin = postgresOrSkip()) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
            try (ApplicationContext context = ApplicationContext.run(Map.of(
                    "datasources.default.url", PG_URL + "?currentSchema=" + schema,
                    "datasources.default.username", PG_USER,
                    "micronaut.server.port", -1,
                    "uptake.catalog", PullWorld.programmesFile().toString(),
                    "uptake.test.fake-connector", "true"), "test")) {
                PullWorld.ready(context);
                context.getBean(FakeConnector.class).answer(pulled(D1, byEmail(ANA, D1, "code_review", 2),
                        passive(BO, D1, "code_completion")));
                PullUsage pull = context.getBean(PullUsage.class);

                PullResult first = ((PullUsage.Outcome.Pulled) pull.pull("github-copilot")).result();
                PullResult again = ((PullUsage.Outcome.Pulled) pull.pull("github-copilot")).result();
                RecordCsvExport csv = context.getBean(RecordCsvExport.class);
                List<ExportLine> rows = List.of(new ExportLine(1, ANA, "11/20/2026", "2", "gpt-4o"));
                ExportResult export = ((RecordCsvExport.Outcome.Taken) csv.record("chatgpt", "e1", rows, List.of()))
                        .result();
                ExportResult resent = ((RecordCsvExport.Outcome.Taken) csv.record("chatgpt", "e1", rows, List.of()))
                        .result();

                assertThat(first.stored()).isEqualTo(3);
                assertThat(again.stored()).isZero();
                assertThat(again.alreadyStored()).isEqualTo(3);
                assertThat(export.stored()).isEqualTo(1);
                assertThat(resent.duplicate()).isTrue();
                assertThat(resent.stored()).isZero();
                assertThat(usageDays(context)).containsExactly(
                        "code-review ana@example.com 2026-11-19 2",
                        "coding ana@example.com 2026-11-19 2",
                        "coding bo@example.com 2026-11-19 0",
                        "drafting ana@example.com 2026-11-20 2");
                assertThat(source(context, "github-copilot")).containsExactly("2026-11-19", "null", "false", "0",
                        "true", "true");
                assertThat(source(context, "csv:chatgpt").get(0)).isEqualTo("2026-11-20");
            } finally {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    static Connection postgresOrSkip() {
        try {
            return DriverManager.getConnection(PG_URL, PG_USER, "");
        } catch (SQLException e) {
            String message = "SKIPPED: no PostgreSQL reachable at " + PG_URL + " as " + PG_USER + " (" + e.getMessage()
                    + "); the PostgreSQL pull check did not run";
            System.err.println(message);
            Assumptions.abort(message);
            return null;
        }
    }
}
