package io.uptake.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.nudge.WarnEarly;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The day-60 early warning as owners of pilots meet it. Each Monday, after the last week's figures are checked, the
 * service's warning job runs; the side works out from the scenario alone which pilots are due a warning and why
 * (README: from day 60 of the pilot spell, once, in the first run whose last complete week shows trust falling
 * 15 points or more, weekly active use falling 3 weeks running, or under 60 % of the people asked answering), and
 * checks the job queued exactly those. By the week's end the owner must have the warning in chat with its reasons
 * and the three buttons; they press the one {@link Scenario#decisionOn} gives them through the real
 * interaction endpoint, and from then on every scorecard (JSON and CSV) carries the decision and the warning's flag.
 */
final class EarlyWarningSide {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DAY = 60;
    private static final BigDecimal TRUST_DROP = BigDecimal.valueOf(15);
    private static final BigDecimal RESPONSE_FLAG = BigDecimal.valueOf(60);
    private static final int FALLING_WEEKS = 3;

    /** A warning the side expects, and the owner's decision once made. */
    private record Warning(int week, LocalDate on, int day, String reasons, String choice, LocalDate decidedOn) {
    }

    private final ScenarioRun run;
    private final ReasonsOracle reasons;
    private final Map<String, Warning> warnings = new LinkedHashMap<>();
    private int slackSeen;
    private int teamsSeen;

    EarlyWarningSide(ScenarioRun run) {
        this.run = run;
        this.reasons = new ReasonsOracle(run.scenario, run.oracle);
    }

    /** How many warnings the year sent, for the report. */
    int sent() {
        return warnings.size();
    }

    /** Runs the job on the Monday of {@code week} and checks it warned the pilots due, and no other. */
    void monday(int week) {
        LocalDate today = LocalDate.ofInstant(run.clock().instant(), ZoneOffset.UTC);
        List<String> due = new ArrayList<>();
        for (ScenarioWorkflow w : run.scenario.workflows()) {
            if (warnings.containsKey(w.id()) || !pilotIn(w, week)) {
                continue;
            }
            int day = (int) ChronoUnit.DAYS.between(pilotSince(w), today);
            String why = day >= DAY ? reasons(w, week - 1, week) : "";
            if (!why.isEmpty()) {
                warnings.put(w.id(), new Warning(week, today, day, why, run.scenario.decisionOn(w.id()), null));
                due.add(w.id());
            }
        }
        int queued = run.bean(WarnEarly.class).run();
        check(week, "job", String.join(",", due), "queued", due.size(), queued);
        run.dispatch();
    }

    /**
     * At the week's end: each owner warned this week has the warning in chat, with its reasons, and presses their
     * choice; nobody else got one.
     */
    void sunday(int week) throws Exception {
        Map<String, String> slackWarnings = new LinkedHashMap<>();
        List<FakeSlackApi.Call> slackCalls = run.slack().api().calls("chat.postMessage");
        for (FakeSlackApi.Call c : slackCalls.subList(slackSeen, slackCalls.size())) {
            String text = c.params().getOrDefault("text", "");
            if (text.startsWith("Early warning")) {
                slackWarnings.put(text, c.params().getOrDefault("blocks", ""));
            }
        }
        slackSeen = slackCalls.size();
        Map<String, FakeBotConnector.Call> teamsWarnings = new LinkedHashMap<>();
        List<FakeBotConnector.Call> posted = run.teams().posted();
        for (FakeBotConnector.Call c : posted.subList(teamsSeen, posted.size())) {
            if (c.card() != null && c.card().toString().contains("Early warning: ")) {
                teamsWarnings.put(run.teams().userOf(c) + "|" + c.card(), c);
            }
        }
        teamsSeen = posted.size();
        int expected = 0;
        for (Map.Entry<String, Warning> entry : warnings.entrySet()) {
            Warning warning = entry.getValue();
            if (warning.week() != week) {
                continue;
            }
            expected++;
            ScenarioWorkflow w = run.scenario.workflow(entry.getKey());
            ScenarioPerson owner = run.people().get(w.ownerEmail());
            String question = "Day " + warning.day() + " of the pilot";
            boolean acknowledged;
            if (owner.platform() == Platform.SLACK) {
                String blocks = slackWarnings.entrySet().stream().filter(e -> e.getKey().contains(w.name()))
                        .map(Map.Entry::getValue).findFirst().orElse("");
                check(week, "slack", w.id(), "early warning", true, blocks.contains(question)
                        && containsAll(blocks, warning.reasons())
                        && blocks.contains("uptake_decide_" + warning.choice()));
                HttpResponse<String> response = run.slackPost(run.slack().click(run.clock(), owner.chatId(),
                        "uptake_decide_" + warning.choice(), w.id()));
                List<FakeSlackApi.Call> replies = run.slack().api().calls("response");
                acknowledged = response.statusCode() == 200 && !replies.isEmpty() && replies.get(replies.size() - 1)
                        .params().getOrDefault("text", "").contains("*" + w.name() + "* is *" + warning.choice() + "*");
            } else {
                String card = teamsWarnings.entrySet().stream().filter(e -> e.getKey().startsWith(owner.chatId()
                        + "|") && e.getKey().contains("Early warning: " + w.name())).map(e -> e.getValue().card()
                        .toString()).findFirst().orElse("");
                check(week, "teams", w.id(), "early warning", true, card.contains(question)
                        && containsAll(card, warning.reasons()));
                acknowledged = !card.isEmpty() && pressTeams(owner, card, warning.choice(), w.name());
            }
            run.dispatch();
            check(week, owner.platform().toString().toLowerCase(java.util.Locale.ROOT), w.id(), "decision recorded",
                    true, acknowledged);
            warnings.put(w.id(), new Warning(warning.week(), warning.on(), warning.day(), warning.reasons(),
                    warning.choice(), LocalDate.ofInstant(run.clock().instant(), ZoneOffset.UTC)));
        }
        check(week, "chat", "", "early warnings sent", expected, slackWarnings.size() + teamsWarnings.size());
    }

    /** The decision and the warning's flag on a workflow's scorecard of {@code week}, in the JSON and the CSV. */
    void scorecard(int week, JsonNode workflowJson, CSVRecord row, ScenarioWorkflow workflow) {
        LocalDate end = run.scenario.firstMonday().plusWeeks(week + 1L);
        Warning w = warnings.get(workflow.id());
        boolean warned = w != null && w.on().isBefore(end);
        boolean decided = w != null && w.decidedOn() != null && w.decidedOn().isBefore(end);
        String flag = warned ? "early warning sent on " + w.on() + ": " + w.reasons() : "none";
        String actualFlag = "none";
        for (JsonNode f : workflowJson.path("flags")) {
            if (f.asText().startsWith("early warning sent on")) {
                actualFlag = f.asText();
            }
        }
        check(week, "api", workflow.id(), "early warning flag", flag, actualFlag);
        JsonNode d = workflowJson.path("decision");
        check(week, "api", workflow.id(), "decision", decided ? w.choice() + " " + w.decidedOn() + " " + w.reasons()
                : "none", d.isMissingNode() || d.isNull() ? "none" : d.path("choice").asText() + " "
                + d.path("decidedOn").asText() + " " + d.path("prompt").asText());
        if (row != null) {
            check(week, "csv", workflow.id(), "decision", decided ? w.choice() + " " + w.decidedOn() + " "
                    + w.reasons() + " " + w.on() : warned ? "   " + w.on() : "   ", row.get("decision") + " "
                    + row.get("decided_on") + " " + row.get("decision_prompt") + " " + row.get("early_warning_on"));
        }
    }

    /**
     * Why a pilot should be warned, from its last complete week ({@code week}) read in {@code readIn}, in the
     * warning's words (README); empty when nothing calls for it. Only figures the anonymity rules show count.
     */
    private String reasons(ScenarioWorkflow w, int week, int readIn) {
        Expected e = run.oracle.expect(w.id(), week, readIn);
        List<String> why = new ArrayList<>();
        if (e.trustChange().isShown() && e.trustChange().value().compareTo(TRUST_DROP.negate()) <= 0) {
            why.add("trust falling: down " + whole(e.trustChange().value().negate()) + " points on the previous 4 weeks"
                    + (e.trust().isShown() ? ", to " + whole(e.trust().value()) : "") + " (n = "
                    + e.trustChange().n() + ")");
        }
        ReasonsOracle.DriftExpected drift = reasons.drift(w.id(), week, readIn);
        if (drift.fallingWeeks() >= FALLING_WEEKS) {
            why.add("habit falling: weekly active use fell " + drift.fallingWeeks() + " weeks running"
                    + (e.wau().isShown() ? ", to " + whole(e.wau().value()) + "% (n = " + e.wau().n() + ")" : ""));
        }
        if (e.response().isShown() && e.response().value().compareTo(RESPONSE_FLAG) < 0) {
            why.add("low response: " + whole(e.response().value()) + "% of the people asked answered the pulse (n = "
                    + e.response().n() + " asked; below 60%)");
        }
        return String.join("; ", why);
    }

    /** A pilot in that week: declared by its file, and not yet in production. */
    private static boolean pilotIn(ScenarioWorkflow w, int week) {
        return w.declaredIn(week) && (w.productionWeek().isEmpty() || week < w.productionWeek().getAsInt());
    }

    /** The pilot's first day, the {@code stage-since} its programmes file gives it. */
    private LocalDate pilotSince(ScenarioWorkflow w) {
        return w.addedWeek() > 0 ? run.scenario.firstMonday().plusWeeks(w.addedWeek())
                : run.scenario.firstMonday().minusWeeks(9L + w.id().length());
    }

    private boolean pressTeams(ScenarioPerson owner, String card, String choice, String name) throws Exception {
        String title = Character.toUpperCase(choice.charAt(0)) + choice.substring(1);
        JsonNode data = EarlyWarningEndToEndTest.button(card, title);
        ObjectNode click = (ObjectNode) JSON.readTree(run.teams().text(owner.chatId(), ""));
        click.remove("text");
        click.set("value", data);
        HttpResponse<String> response = run.teamsPost(click.toString());
        List<FakeBotConnector.Call> posted = run.teams().posted();
        for (int i = posted.size() - 1; i >= 0; i--) {
            if (owner.chatId().equals(run.teams().userOf(posted.get(i)))) {
                return response.statusCode() < 300 && posted.get(i).text().contains("*" + name + "* is *" + choice
                        + "*");
            }
        }
        return false;
    }

    private static boolean containsAll(String text, String reasons) {
        for (String reason : reasons.split("; ")) {
            if (!text.contains(reason)) {
                return false;
            }
        }
        return true;
    }

    private static String whole(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    private void check(int week, String output, String workflow, String figure, Object expected, Object actual) {
        run.findings.check(String.valueOf(expected).equals(String.valueOf(actual)), new Finding(run.scenario.seed(),
                week, output, workflow, figure, String.valueOf(expected), String.valueOf(actual)));
    }
}
