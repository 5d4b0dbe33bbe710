package io.uptake.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The rollout waves of the workflows rolled out in waves, as the scorecard JSON's {@code waves} and the
 * {@code waves.csv} export show them, against the oracle's figures of each wave.
 */
final class WavesChecks {

    private final ScenarioRun run;

    WavesChecks(ScenarioRun run) {
        this.run = run;
    }

    void scorecard(int week, int readIn, Map<String, JsonNode> byId) throws IOException {
        String iso = ScenarioRun.isoWeek(week);
        List<CSVRecord> rows = null;
        for (ScenarioWorkflow workflow : run.scenario.workflows()) {
            if (!workflow.waved() || !workflow.declaredIn(week)) {
                continue;
            }
            if (rows == null) {
                String body = run.send(run.admin("/api/v1/export/waves.csv?week=" + iso).GET().build()).body();
                rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(new StringReader(body)).getRecords();
            }
            List<Oracle.WaveExpected> expected = run.oracle.waves(workflow.id(), week);
            JsonNode actual = byId.getOrDefault(workflow.id(), run.jsonNull()).path("waves");
            List<CSVRecord> csv = new ArrayList<>();
            rows.stream().filter(r -> r.get("workflow").equals(workflow.id())).forEach(csv::add);
            check(week, "api", workflow.id(), "waves", expected.size(), actual.size());
            check(week, "csv", workflow.id(), "waves", expected.size(), csv.size());
            for (int i = 0; i < expected.size(); i++) {
                Oracle.WaveExpected e = expected.get(i);
                String wave = "wave " + e.wave() + " ";
                if (i < actual.size()) {
                    JsonNode a = actual.get(i);
                    check(week, "api", workflow.id(), wave + "live", e.wave() + " " + e.goLive() + " " + e.live(),
                            a.path("wave").asInt() + " " + a.path("goLive").asText() + " "
                            + a.path("live").asBoolean());
                    check(week, "api", workflow.id(), wave + "teamSize", e.team(),
                            a.path("teamSize").path("value").asInt());
                    check(week, "api", workflow.id(), wave + "wauPercent", figure(e.live(), e.wau()),
                            figure(e.live(), a.path("wauPercent")));
                    check(week, "api", workflow.id(), wave + "trustIndex", String.valueOf(e.trust()),
                            OutputChecks.api(a.path("trustIndex")));
                }
                if (i < csv.size()) {
                    CSVRecord r = csv.get(i);
                    check(week, "csv", workflow.id(), wave + "row", e.wave() + " " + e.goLive() + " " + e.live()
                            + " " + e.team() + " " + OutputChecks.csvValue(e.wau()) + " n=" + OutputChecks.csvN(e.wau())
                            + " trust " + OutputChecks.csvValue(e.trust()) + " n=" + OutputChecks.csvN(e.trust()),
                            r.get("wave") + " " + r.get("go_live") + " " + r.get("live") + " " + r.get("team_size")
                            + " " + r.get("wau_percent") + " n=" + r.get("wau_n") + " trust " + r.get("trust_index")
                            + " n=" + r.get("trust_n"));
                }
            }
        }
    }

    /** A wave's WAU in the oracle's notation; a wave not yet live has none, whatever its source says. */
    private static String figure(boolean live, Fig f) {
        return live ? String.valueOf(f) : f.state().toString();
    }

    private static String figure(boolean live, JsonNode f) {
        return live ? OutputChecks.api(f) : f.path("state").asText();
    }

    private void check(int week, String output, String workflow, String figure, Object expected, Object actual) {
        run.findings.check(String.valueOf(expected).equals(String.valueOf(actual)), new Finding(run.scenario.seed(),
                week, output, workflow, figure, String.valueOf(expected), String.valueOf(actual)));
    }
}
