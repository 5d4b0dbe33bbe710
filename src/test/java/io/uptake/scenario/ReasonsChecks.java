package io.uptake.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Compares the scorecard's reasons behind the numbers (blockers, stakeholder pulse, ...) with the oracle. */
final class ReasonsChecks {

    private final ScenarioRun run;
    private final ReasonsOracle oracle;

    ReasonsChecks(ScenarioRun run) {
        this.run = run;
        this.oracle = new ReasonsOracle(run.scenario, run.oracle);
    }

    private void check(int week, String workflow, String figure, Object expected, Object actual) {
        run.findings.check(String.valueOf(expected).equals(String.valueOf(actual)), new Finding(run.scenario.seed(),
                week, "api", workflow, figure, String.valueOf(expected), String.valueOf(actual)));
    }

    /** The scorecard JSON of {@code week}, read in {@code readIn}. */
    void scorecard(int week, int readIn, JsonNode card) {
        for (JsonNode p : card.path("programmes")) {
            String programme = p.path("programmeId").asText();
            stakeholders(week, readIn, programme, p.path("stakeholders"));
            ownership(week, programme, p);
            for (JsonNode w : p.path("workflows")) {
                String id = w.path("workflowId").asText();
                blockers(week, id, w.path("blockers"));
                check(week, id, "calibration.quadrant", ReasonsOracle.quadrant(run.oracle.expect(id, week, readIn)),
                        w.path("calibration").path("quadrant").asText());
                drift(week, readIn, id, w.path("drift"));
                sequencing(week, readIn, id, w.path("reasons"));
            }
        }
    }

    /** The programme verdict rule: the ownership reason first and ACTIVITY, or the owner's check-in last. */
    private void ownership(int week, String programme, JsonNode p) {
        Optional<ScenarioProgramme> declared = run.scenario.programmes().stream()
                .filter(x -> x.id().equals(programme)).findFirst();
        if (declared.isEmpty()) {
            return;
        }
        String expected = oracle.programmeOwnership(declared.get(), week);
        JsonNode reasons = p.path("reasons");
        String age = "none";
        for (JsonNode flag : p.path("flags")) {
            if (flag.asText().endsWith("months in and no outcome")) {
                age = flag.asText();
            }
        }
        check(week, programme, "programme.age flag", oracle.programmeAge(declared.get(), week), age);
        if (expected != null) {
            check(week, programme, "programme.verdict", "ACTIVITY", p.path("verdict").asText());
            check(week, programme, "programme.reasons[0]", expected, reasons.path(0).asText());
        } else {
            check(week, programme, "programme.reasons[last]", "programme owner " + declared.get().ownerEmail().get()
                    + " checked in on the programme outcome this quarter", reasons.path(reasons.size() - 1).asText());
        }
    }

    private void blockers(int week, String workflow, JsonNode actual) {
        ReasonsOracle.BlockersExpected e = oracle.blockers(workflow, week);
        check(week, workflow, "blockers.respondents", e.respondents(), actual.path("respondents").asInt());
        for (int i = 0; i < e.percent().size(); i++) {
            JsonNode category = actual.path("categories").path(i);
            String code = ReasonsOracle.CATEGORIES.get(i);
            check(week, workflow, "blockers." + code, code, category.path("code").asText());
            check(week, workflow, "blockers." + code + ".percent", e.percent().get(i),
                    OutputChecks.api(category.path("percent")));
            check(week, workflow, "blockers." + code + ".change", e.change().get(i),
                    OutputChecks.api(category.path("change")));
        }
    }

    private void drift(int week, int readIn, String workflow, JsonNode actual) {
        ReasonsOracle.DriftExpected e = oracle.drift(workflow, week, readIn);
        check(week, workflow, "drift.fallingWeeks", e.fallingWeeks(), actual.path("fallingWeeks").asInt());
        if (e.peak() != null) {
            check(week, workflow, "drift.peakWauPercent", e.peak().value().stripTrailingZeros().toPlainString(),
                    OutputChecks.csvValue(fig(actual.path("peakWauPercent"))));
        }
        if (e.drop() != null) {
            check(week, workflow, "drift.dropFromPeak", e.drop(), OutputChecks.api(actual.path("dropFromPeak")));
        }
        check(week, workflow, "drift.firstQuarter.state", e.firstQuarter(),
                actual.path("firstQuarter").path("state").asText());
        check(week, workflow, "drift.firstQuarter.metOn", e.metOn(),
                actual.path("firstQuarter").path("metOn").asText(""));
    }

    /**
     * The sequencing reasons: "Built before the commercial signal" exactly, and what "Adoption not measured" names
     * of the parts the scenario decides (whether usage was ever stored is left to the unit and end-to-end tests).
     */
    private void sequencing(int week, int readIn, String workflow, JsonNode reasons) {
        java.util.List<String> built = new java.util.ArrayList<>();
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (JsonNode r : reasons) {
            String text = r.asText();
            if (text.startsWith("Built before the commercial signal: ")) {
                built.add(text);
            } else if (text.startsWith("Adoption not measured: ")) {
                for (String part : text.substring("Adoption not measured: ".length()).split(", ")) {
                    if (!part.equals("no usage source")) {
                        missing.add(part);
                    }
                }
            }
        }
        check(week, workflow, "reasons.builtBefore", oracle.builtBefore(workflow, week), built);
        check(week, workflow, "reasons.notMeasured", new java.util.TreeSet<>(oracle.notMeasured(workflow, week,
                readIn)), missing);
    }

    /** The value of an API figure, or its state when not shown. */
    private static Fig fig(JsonNode f) {
        return switch (f.path("state").asText()) {
            case "SHOWN" -> Fig.shown(new java.math.BigDecimal(f.path("value").asText()), f.path("n").asInt(),
                    f.path("source").asText());
            case "SUPPRESSED" -> Fig.suppressed(f.path("source").asText());
            default -> Fig.noData(f.path("source").asText());
        };
    }

    private void stakeholders(int week, int readIn, String programme, JsonNode actual) {
        Optional<ReasonsOracle.StakeholdersExpected> expected = oracle.stakeholders(programme, week, readIn);
        if (expected.isEmpty()) {
            check(week, programme, "stakeholders.asked", 0, actual.path("asked").asInt());
            return;
        }
        ReasonsOracle.StakeholdersExpected e = expected.get();
        check(week, programme, "stakeholders.quarter", e.quarter(), actual.path("quarter").asText());
        check(week, programme, "stakeholders.asked", e.asked(), actual.path("asked").asInt());
        check(week, programme, "stakeholders.answered", e.answered(), actual.path("answered").asInt());
        check(week, programme, "stakeholders.confidentPercent", e.confident(),
                OutputChecks.api(actual.path("confidentPercent")));
        check(week, programme, "stakeholders.fundPercent", e.fund(), OutputChecks.api(actual.path("fundPercent")));
    }
}
