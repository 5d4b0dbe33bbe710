package io.uptake.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.ReadCatalog;
import io.uptake.catalog.SyncCatalog;
import io.uptake.catalog.file.CatalogParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's own repositories run on PostgreSQL, the scale-out database, not only on SQLite. */
class PostgresServiceTest {

    static final String FILE = """
            programmes:
              - id: claims-ai
                sponsor: cfo@example.com
                workflows:
                  - id: claims-triage
                    owner: jane@example.com
                    audience: { slack-channel: C0123ABCD }
                    outcome: { metric: Claims per FTE, direction: up, baseline: 120, target: 150.5, by: 2027-Q1 }
            """;

    @Test
    void theCatalogueSyncsAndReadsBackOnPostgres() throws SQLException {
        String schema = "uptake_service_" + Long.toHexString(System.nanoTime());
        try (Connection admin = MigrationsTest.postgresOrSkip()) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
            try (ApplicationContext context = ApplicationContext.run(Map.of(
                    "datasources.default.url", MigrationsTest.PG_URL + "?currentSchema=" + schema,
                    "datasources.default.username", MigrationsTest.PG_USER,
                    "micronaut.server.port", -1), "test")) {
                var catalog = ((CatalogParse.Valid) new CatalogParser().parse("p.yml", FILE)).catalog();
                SyncCatalog sync = context.getBean(SyncCatalog.class);

                assertThat(sync.sync(catalog).unchanged()).isFalse();
                assertThat(sync.sync(catalog).unchanged()).isTrue();
                var programmes = context.getBean(ReadCatalog.class).programmes(false);
                assertThat(programmes).singleElement().satisfies(p -> assertThat(p.workflows()).singleElement()
                        .satisfies(w -> assertThat(w.outcome().target()).isEqualByComparingTo("150.5")));
            } finally {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
