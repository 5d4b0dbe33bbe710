package io.uptake.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.teams.FakeBotConnector;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Compares what each output shows (API, CSV, digests, chat status, messages) with the oracle. */
final class OutputChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIGURES = {"wauPercent", "wauPercentPrevious", "habitPercent", "trustIndex",
        "trustChange", "correctionPercent", "responsePercent", "cycleTimeMedian", "cycleTimeDeltaPercent"};

    /** The questions only a stakeholder pulse asks. */
    private static final Set<String> STAKEHOLDER_QUESTIONS = Set.of("confidence", "fund", "change-mind");

    /** Marks a worded figure whose value is a negative half, which a digest rounds to a whole number. */
    static final String NEGATIVE_HALF = " (negative half)";

    private final ScenarioRun run;
    private final ReasonsChecks reasons;
    private final WavesChecks waves;

    OutputChecks(ScenarioRun run) {
        this.run = run;
        this.reasons = new ReasonsChecks(run);
        this.waves = new WavesChecks(run);
    }

    private static Fig[] figures(Expected e) {
        return new Fig[] {e.wau(), e.wauPrevious(), e.habit(), e.trust(), e.trustChange(), e.correction(),
            e.response(), e.cycleMedian(), e.cycleDelta()};
    }

    private void check(int week, String output, String workflow, String figure, Object expected, Object actual) {
        run.findings.check(String.valueOf(expected).equals(String.valueOf(actual)), new Finding(run.scenario.seed(),
                week, output, workflow, figure, String.valueOf(expected), String.valueOf(actual)));
    }

    /** The scorecard of {@code week} through the API and the CSV export, read in {@code readIn}. */
    void scorecard(int week, int readIn) throws IOException {
        String iso = ScenarioRun.isoWeek(week);
        JsonNode card = run.adminJson("/api/v1/scorecard?week=" + iso);
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode p : card.path("programmes")) {
            for (JsonNode w : p.path("workflows")) {
                byId.put(w.path("workflowId").asText(), w);
            }
        }
        reasons.scorecard(week, readIn, card);
        waves.scorecard(week, readIn, byId);
        String csvText = run.send(run.admin("/api/v1/export/scorecard.csv?week=" + iso).GET().build()).body();
        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csvText))) {
            rows.put(r.get("workflow"), r);
        }
        for (ScenarioWorkflow workflow : run.scenario.workflows()) {
            if (!workflow.declaredIn(week)) {
                continue;
            }
            Expected e = run.oracle.expect(workflow.id(), week, readIn);
            JsonNode actual = byId.get(workflow.id());
            check(week, "api", workflow.id(), "listed", true, actual != null);
            if (actual != null) {
                check(week, "api", workflow.id(), "teamSize", e.targetTeamSize(),
                        actual.path("teamSize").path("value").asInt());
                Fig[] figs = figures(e);
                for (int i = 0; i < FIGURES.length; i++) {
                    check(week, "api", workflow.id(), FIGURES[i], figs[i], api(actual.path(FIGURES[i])));
                }
                for (int v = 0; v < 5; v++) {
                    check(week, "api", workflow.id(), "trust_" + (v + 1), e.trustDistribution().get(v),
                            api(actual.path("trustDistribution").path(v)));
                }
            }
            CSVRecord row = rows.get(workflow.id());
            if (actual != null) {
                run.outcomes.scorecard(week, readIn, actual, row, workflow);
                run.warnings.scorecard(week, actual, row, workflow);
            }
            check(week, "csv", workflow.id(), "listed", true, row != null);
            if (row != null) {
                csv(week, workflow.id(), e, row);
            }
        }
    }

    /** A figure of the API in the oracle's notation. */
    static String api(JsonNode f) {
        String state = f.path("state").asText();
        String source = f.path("source").asText();
        return switch (state) {
            case "SHOWN" -> new BigDecimal(f.path("value").asText()).stripTrailingZeros().toPlainString() + " (n="
                    + f.path("n").asInt() + ", " + source + ")";
            case "SUPPRESSED" -> "suppressed (" + source + ")";
            case "NO_DATA" -> "n/a (" + source + ")";
            default -> "missing: " + f;
        };
    }

    private void csv(int week, String id, Expected e, CSVRecord row) {
        check(week, "csv", id, "team_size", e.targetTeamSize(), row.get("team_size"));
        pair(week, id, "wau", e.wau(), row.get("wau_percent"), row.get("wau_n"));
        check(week, "csv", id, "wau_source", e.wau().source(), row.get("wau_source"));
        check(week, "csv", id, "wau_percent_previous", csvValue(e.wauPrevious()), row.get("wau_percent_previous"));
        pair(week, id, "habit", e.habit(), row.get("habit_percent"), row.get("habit_n"));
        pair(week, id, "trust", e.trust(), row.get("trust_index"), row.get("trust_n"));
        check(week, "csv", id, "trust_change", csvValue(e.trustChange()), row.get("trust_change"));
        for (int v = 0; v < 5; v++) {
            check(week, "csv", id, "trust_" + (v + 1), csvValue(e.trustDistribution().get(v)),
                    row.get("trust_" + (v + 1)));
        }
        pair(week, id, "correction", e.correction(), row.get("correction_percent"), row.get("correction_n"));
        pair(week, id, "response", e.response(), row.get("response_percent"), row.get("delivered"));
        check(week, "csv", id, "cycle_time_median", csvValue(e.cycleMedian()), row.get("cycle_time_median"));
        check(week, "csv", id, "cycle_time_delta_percent", csvValue(e.cycleDelta()),
                row.get("cycle_time_delta_percent"));
        check(week, "csv", id, "cycle_time_n", csvN(e.cycleMedian()), row.get("cycle_time_n"));
    }

    private void pair(int week, String id, String name, Fig expected, String value, String n) {
        check(week, "csv", id, name, csvValue(expected) + " n=" + csvN(expected), value + " n=" + n);
    }

    static String csvValue(Fig f) {
        return switch (f.state()) {
            case SHOWN -> f.value().stripTrailingZeros().toPlainString();
            case SUPPRESSED -> "suppressed";
            case NO_DATA -> "n/a";
        };
    }

    static String csvN(Fig f) {
        return switch (f.state()) {
            case SHOWN -> Integer.toString(f.n());
            case SUPPRESSED -> "suppressed";
            case NO_DATA -> "n/a";
        };
    }

    /** A digest of {@code week} as the fake recorded it: Block Kit for Slack, the Adaptive Card for Teams. */
    void digest(long subscription, String platform, int week, int readIn) throws IOException {
        boolean slack = platform.equals("slack");
        int slackBefore = run.slack().api().calls("chat.postMessage").size();
        int teamsBefore = run.teams().posted().size();
        run.digest(subscription);
        StringBuilder all = new StringBuilder();
        Map<String, Map<String, String>> facts = new LinkedHashMap<>();
        if (slack) {
            List<FakeSlackApi.Call> posts = run.slack().api().calls("chat.postMessage");
            for (FakeSlackApi.Call post : posts.subList(slackBefore, posts.size())) {
                if (ScenarioRun.LEADERS_SLACK.equals(post.params().get("channel"))) {
                    JsonNode blocks = JSON.readTree(post.params().getOrDefault("blocks", "[]"));
                    all.append(blocks);
                    slackFacts(blocks, facts);
                }
            }
        } else {
            List<FakeBotConnector.Call> posts = run.teams().posted();
            for (FakeBotConnector.Call post : posts.subList(teamsBefore, posts.size())) {
                if (post.path().contains(ScenarioRun.LEADERS_TEAM)) {
                    all.append(post.body());
                    teamsFacts(post.card(), facts);
                }
            }
        }
        String output = platform + "-digest";
        check(week, output, "*", "sent once for the week", true, all.length() > 0);
        if (all.length() == 0) {
            return;
        }
        String iso = ScenarioRun.isoWeek(week);
        check(week, output, "*", "week", iso, all.toString().contains(iso) ? iso : weekIn(all.toString()));
        List<String> programmes = run.scenario.digests().stream()
                .filter(d -> d.channel().startsWith(platform)).findFirst().orElseThrow().programmes();
        for (ScenarioWorkflow workflow : run.scenario.workflows()) {
            if (!programmes.contains(workflow.programmeId()) || !workflow.declaredIn(week)
                    || !workflow.declaredIn(readIn)) {
                continue;
            }
            Map<String, String> shown = facts.get(workflow.name());
            check(week, output, workflow.id(), "listed", true, shown != null);
            if (shown != null) {
                words(week, output, workflow.id(), run.oracle.expect(workflow.id(), week, readIn), shown);
            }
            run.outcomes.digest(week, readIn, output, workflow, all.toString());
        }
    }

    private static String weekIn(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{4}-W\\d{2}").matcher(text);
        return m.find() ? m.group() : "no ISO week";
    }

    private static void slackFacts(JsonNode blocks, Map<String, Map<String, String>> facts) {
        for (JsonNode block : blocks) {
            String text = block.path("text").path("text").asText("");
            if (!block.has("fields") || !text.startsWith("*")) {
                continue;
            }
            String name = text.substring(1, text.indexOf('*', 1));
            Map<String, String> map = new LinkedHashMap<>();
            for (JsonNode f : block.path("fields")) {
                String t = f.path("text").asText();
                int nl = t.indexOf('\n');
                map.put(t.substring(0, Math.max(0, nl)).replace("*", ""), t.substring(nl + 1));
            }
            facts.put(name, map);
        }
    }

    private static void teamsFacts(JsonNode card, Map<String, Map<String, String>> facts) {
        for (JsonNode container : card.findParents("items")) {
            JsonNode items = container.path("items");
            String title = items.path(0).path("text").asText("");
            if (!title.contains(" · ")) {
                continue;
            }
            for (JsonNode item : items) {
                if (item.path("type").asText().equals("FactSet")) {
                    Map<String, String> map = new LinkedHashMap<>();
                    item.path("facts").forEach(f -> map.put(f.path("title").asText(), f.path("value").asText()));
                    facts.put(title.substring(0, title.indexOf(" · ")), map);
                }
            }
        }
    }

    /** Checks the worded figures of one workflow: each expected number is there, or the reason it is hidden. */
    private void words(int week, String output, String id, Expected e, Map<String, String> shown) {
        wordCheck(week, output, id, "Weekly active", shown, e.wau(), e.wau().isShown()
                ? List.of(e.wau().whole() + "%", "of " + e.targetTeamSize()) : List.of());
        wordCheck(week, output, id, "Habit", shown, e.habit(), e.habit().isShown()
                ? List.of(e.habit().whole() + "%") : List.of());
        List<String> trust = new ArrayList<>();
        if (e.trust().isShown()) {
            trust.add(e.trust().whole() + "/100");
            trust.add("n=" + e.trust().n());
            if (e.trustChange().isShown()) {
                long points = e.trustChange().whole();
                trust.add(points > 0 ? "+" + points : points < 0 ? "−" + (-points) : "±0");
            }
        }
        wordCheck(week, output, id, "Trust", shown, e.trust(), trust, e.trustChange());
        wordCheck(week, output, id, "Response rate", shown, e.response(), e.response().isShown()
                ? List.of(e.response().whole() + "%", "of " + e.response().n()) : List.of());
        List<String> cycle = new ArrayList<>();
        if (e.cycleDelta().isShown()) {
            long d = e.cycleDelta().whole();
            cycle.add((d > 0 ? "+" + d : d < 0 ? "−" + (-d) : "0") + "%");
            cycle.add("median " + e.cycleMedian().whole());
        }
        wordCheck(week, output, id, "Cycle time", shown, e.cycleDelta(), cycle);
    }

    private void wordCheck(int week, String output, String id, String label, Map<String, String> shown, Fig fig,
                           List<String> tokens) {
        wordCheck(week, output, id, label, shown, fig, tokens, fig);
    }

    private void wordCheck(int week, String output, String id, String label, Map<String, String> shown, Fig fig,
                           List<String> tokens, Fig rounded) {
        String text = shown.entrySet().stream().filter(f -> f.getKey().startsWith(label)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        if (text == null) {
            check(week, output, id, label, "a fact", "none in " + shown.keySet());
            return;
        }
        String expected;
        boolean ok;
        if (fig.isShown()) {
            expected = String.join(" … ", tokens);
            ok = tokens.stream().allMatch(t -> containsNumber(text, t));
        } else if (fig.state() == Fig.State.SUPPRESSED) {
            expected = "hidden: fewer than " + Oracle.MIN_RESPONDENTS;
            ok = text.contains("fewer than");
        } else {
            expected = "hidden: no data";
            ok = text.startsWith("—") && !text.contains("fewer than");
        }
        boolean half = rounded.isShown() && rounded.value().signum() < 0
                && rounded.value().remainder(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.5")) == 0;
        run.findings.check(ok, new Finding(run.scenario.seed(), week, output, id, half ? label + NEGATIVE_HALF
                : label, expected, text));
    }

    /** Whether {@code token} occurs in {@code text} not as part of a longer number. */
    static boolean containsNumber(String text, String token) {
        int from = 0;
        while (true) {
            int at = text.indexOf(token, from);
            if (at < 0) {
                return false;
            }
            boolean digitBefore = at > 0 && Character.isDigit(text.charAt(at - 1))
                    && Character.isDigit(token.charAt(0));
            int end = at + token.length();
            boolean digitAfter = end < text.length() && (Character.isDigit(text.charAt(end))
                    || (text.charAt(end) == '.' && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1))))
                    && Character.isDigit(token.charAt(token.length() - 1));
            if (!digitBefore && !digitAfter) {
                return true;
            }
            from = at + 1;
        }
    }

    /** {@code /uptake status} on Slack and {@code status} in Teams, by owners, for the last complete week. */
    void status(int week, int readIn) throws Exception {
        List<ScenarioWorkflow> workflows = run.scenario.workflows();
        for (int i = 0; i < workflows.size(); i++) {
            ScenarioWorkflow workflow = workflows.get(i);
            if (!workflow.declaredIn(week) || !workflow.declaredIn(readIn) || (i + week) % 3 != 0) {
                continue;
            }
            ScenarioPerson owner = run.people().get(workflow.ownerEmail());
            String text;
            String output;
            if (owner.platform() == Platform.SLACK) {
                output = "slack-status";
                text = JSON.readTree(run.slackCommand(owner.chatId(), "status " + workflow.id()).body())
                        .path("text").asText();
            } else {
                output = "teams-status";
                int before = run.teams().posted().size();
                run.teamsPost(run.teams().text(owner.chatId(), "status " + workflow.id()));
                List<FakeBotConnector.Call> posts = run.teams().posted();
                text = posts.size() > before ? posts.get(posts.size() - 1).body().toString() : "";
            }
            Map<String, String> facts = statusFacts(text);
            if (facts.isEmpty()) {
                check(week, output, workflow.id(), "reply", "the workflow's figures", text);
                continue;
            }
            words(week, output, workflow.id(), run.oracle.expect(workflow.id(), week, readIn), facts);
        }
    }

    /** The status text's "Label: value" lines; the last complete week comes first, the running week after. */
    static Map<String, String> statusFacts(String text) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : text.replace("\\n", "\n").split("\n")) {
            String clean = line.replace("*", "").replace("•", "").strip();
            int colon = clean.indexOf(": ");
            if (colon > 0) {
                facts.putIfAbsent(clean.substring(0, colon).strip(), clean.substring(colon + 2).strip());
            }
        }
        return facts;
    }

    /** Every recipient the oracle expects got the round's message once; nobody else got one. */
    void messages(ScenarioPulse pulse, int week, long round, int slackFrom, int teamsFrom) {
        Map<String, List<String>> got = new HashMap<>();
        List<FakeSlackApi.Call> posts = run.slack().api().calls("chat.postMessage");
        for (FakeSlackApi.Call post : posts.subList(slackFrom, posts.size())) {
            List<SlackSide.Button> buttons = SlackSide.buttons(post.params().get("blocks"));
            // a stakeholder round is numbered apart from the pulses' rounds: its card is not this round's
            if (!buttons.isEmpty() && buttons.get(0).roundId() == round && buttons.stream()
                    .noneMatch(b -> STAKEHOLDER_QUESTIONS.contains(SlackSide.questionAndValue(b)[0]))) {
                got.computeIfAbsent(post.params().get("channel"), k -> new ArrayList<>())
                        .add(post.params().get("blocks"));
            }
        }
        List<FakeBotConnector.Call> posted = run.teams().posted();
        for (FakeBotConnector.Call post : posted.subList(teamsFrom, posted.size())) {
            List<JsonNode> data = TeamsSide.answerData(post.card());
            String user = run.teams().userOf(post);
            if (!data.isEmpty() && data.get(0).path("roundId").asLong() == round && data.stream()
                    .noneMatch(d -> STAKEHOLDER_QUESTIONS.contains(d.path("question").asText()))) {
                got.computeIfAbsent(String.valueOf(user), k -> new ArrayList<>()).add(post.card().toString());
            }
        }
        Set<String> expected = new HashSet<>();
        for (String email : run.oracle.recipients(pulse.id(), week)) {
            expected.add(run.people().get(email).chatId());
        }
        for (String id : expected) {
            List<String> messages = got.getOrDefault(id, List.of());
            check(week, "messages", pulse.workflowId(), "pulse reached " + id, true, !messages.isEmpty());
            check(week, "messages", pulse.workflowId(), "no message twice to " + id, messages.size(),
                    new HashSet<>(messages).size());
        }
        for (String id : got.keySet()) {
            if (!expected.contains(id)) {
                check(week, "messages", pulse.workflowId(), "pulse to someone not asked", "none", id);
            }
        }
    }
}
