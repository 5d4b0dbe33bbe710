package io.uptake.scenario;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A simulated year on SQLite, every output checked against the oracle week by week. */
@Tag("scenario")
class ScenarioSqliteTest {

    @Test
    void aSimulatedYearShowsTheOraclesFiguresEverywhere() throws Exception {
        ScenarioYear.run("sqlite", Map.of("datasources.default.url", "target/scenario-"
                + Long.toHexString(System.nanoTime()) + ".db"));
    }
}
