package io.uptake.scenario;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The same simulated year on PostgreSQL, in a schema of its own that is dropped afterwards. */
@Tag("scenario")
class ScenarioPostgresTest {

    static final String PG_URL = System.getenv().getOrDefault("UPTAKE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getenv().getOrDefault("UPTAKE_TEST_POSTGRES_USER", "postgres");

    @Test
    void aSimulatedYearShowsTheOraclesFiguresEverywhere() throws Exception {
        String schema = "uptake_scenario_" + Long.toHexString(System.nanoTime());
        try (Connection admin = postgresOrSkip()) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
            try {
                ScenarioYear.run("postgresql", Map.of("datasources.default.url", PG_URL + "?currentSchema=" + schema,
                        "datasources.default.username", PG_USER));
            } finally {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static Connection postgresOrSkip() {
        try {
            return DriverManager.getConnection(PG_URL, PG_USER, "");
        } catch (SQLException e) {
            String message = "SKIPPED: no PostgreSQL reachable at " + PG_URL + " as " + PG_USER + " ("
                    + e.getMessage() + "); the PostgreSQL scenario did not run";
            System.err.println(message);
            Assumptions.abort(message);
            return null;
        }
    }
}
