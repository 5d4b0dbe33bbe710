package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the simulated year on one database and fails on any finding no known defect explains. */
final class ScenarioYear {

    /** The suite's seed; {@code -Duptake.scenario.seed=…} replays another. */
    static final long SEED = Long.getLong("uptake.scenario.seed", 20261206L);
    /** Weeks driven: the whole year by default; {@code -Duptake.scenario.weeks=8} for a quick look. */
    static final int WEEKS = Integer.getInteger("uptake.scenario.weeks", Scenario.WEEKS);

    private ScenarioYear() {
    }

    static void run(String database, Map<String, String> settings) throws Exception {
        Scenario scenario = Scenario.generate(SEED, Size.CI);
        String name = "target/scenario-" + database + "-" + SEED + "-" + Long.toHexString(System.nanoTime());
        long start = System.nanoTime();
        try (ScenarioRun run = new ScenarioRun(scenario, settings, Path.of(name + ".yml"))) {
            long started = System.nanoTime();
            run.run(WEEKS);
            String report = run.findings.report() + String.format("Scenario on %s: %d weeks in %.1f s (start %.1f s),"
                    + " %d early warnings. ", database, WEEKS, (System.nanoTime() - start) / 1e9,
                    (started - start) / 1e9, run.warnings.sent())
                    + run.phases.report();
            System.out.println(report);
            Files.writeString(Path.of(name + "-findings.txt"), report + run.findings.all());
            assertThat(run.findings.unexplained()).as(report).isEmpty();
            if (WEEKS >= 12) {
                assertThat(run.warnings.sent()).as("pilots warned at day 60 in " + WEEKS + " weeks").isPositive();
            }
        }
    }
}
