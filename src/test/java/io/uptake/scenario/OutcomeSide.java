package io.uptake.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.teams.FakeBotConnector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Claimed against measured: owners log their quarterly check-in through the form in chat, the systems of record
 * post what they measured through the admin API, and the scorecard, CSV, digests and the sponsor's messages are
 * compared with what the timeline says, worked out here from the events alone.
 */
final class OutcomeSide {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    /** The share claimed and measured may lie apart before the sponsor is told (the default setting). */
    private static final BigDecimal GAP = BigDecimal.TEN;

    private final ScenarioRun run;
    /** workflow + quarter of each gap the sponsor should have been told of so far → the week it was flagged in. */
    private final Map<String, Integer> told = new LinkedHashMap<>();

    OutcomeSide(ScenarioRun run) {
        this.run = run;
    }

    /** What the scorecard of a week should say of a workflow's outcome, read in {@code readIn}. */
    record Expected(BigDecimal claimed, BigDecimal measured, LocalDate measuredOn, BigDecimal gapPercent,
                    boolean flagged) {

        /** "claimed 47, measured 44 on 30 Nov", as the digest words it; null unless both exist. */
        String words() {
            return claimed == null || measured == null ? null
                    : "claimed " + plain(claimed) + ", measured " + plain(measured) + " on " + DAY.format(measuredOn);
        }
    }

    // --- playing the events ---

    /** The owner opens the check-in form in chat and saves the value the timeline gives. */
    void checkIn(int week, ScenarioEvent.CheckedIn c) throws Exception {
        ScenarioPerson owner = run.people().get(c.ownerEmail());
        HttpResponse<String> saved = switch (owner.platform()) {
            case SLACK -> {
                run.slackPost(run.slack().command(run.clock(), owner.chatId(), "checkin " + c.workflowId()));
                yield run.slackPost(run.slack().checkinSubmission(run.clock(), owner.chatId(), c.workflowId(),
                        c.value().toPlainString(), c.status(), Integer.toString(c.confidence())));
            }
            case TEAMS -> teamsCheckIn(owner, c);
            case NONE -> null;
        };
        if (saved != null) {
            run.findings.check(saved.statusCode() == 200 && saved.body().contains("Check-in saved"), new Finding(
                    run.scenario.seed(), week, owner.platform().name().toLowerCase(Locale.ROOT) + "-checkin",
                    c.workflowId(), "saved", "Check-in saved (200)", saved.statusCode() + ": " + saved.body()));
        }
    }

    private HttpResponse<String> teamsCheckIn(ScenarioPerson owner, ScenarioEvent.CheckedIn c) throws Exception {
        int from = run.teams().posted().size();
        run.teamsPost(run.teams().text(owner.chatId(), "checkin " + c.workflowId()));
        JsonNode form = null;
        List<FakeBotConnector.Call> calls = run.teams().posted();
        for (int i = from; i < calls.size(); i++) {
            if (owner.chatId().equals(run.teams().userOf(calls.get(i))) && calls.get(i).card() != null
                    && calls.get(i).card().toString().contains("checkin.value")) {
                form = calls.get(i).card();
            }
        }
        if (form == null) {
            run.findings.check(false, new Finding(run.scenario.seed(), -1, "teams-checkin", c.workflowId(),
                    "form sent", "a form card", "none"));
            return null;
        }
        ObjectNode data = ((ObjectNode) form.path("actions").path(0).path("data").deepCopy())
                .put("checkin.value", c.value().toPlainString()).put("checkin.status", c.status())
                .put("checkin.confidence", Integer.toString(c.confidence()));
        return run.teamsPost(run.teams().execute(owner.chatId(), "uptake.checkin", data));
    }

    /** The system of record posts the value it measured; a flagged gap tells the sponsor once in the quarter. */
    void post(int week, ScenarioEvent.Measured m) throws Exception {
        String path = "/api/v1/outcomes/" + m.workflowId() + "/values";
        HttpRequest request = m.feed() == ScenarioEvent.Feed.CSV
                ? run.admin(path).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(
                        "day,value,source\n" + m.day() + "," + m.value().toPlainString() + "," + m.source() + "\n"))
                        .build()
                : run.admin(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                        .ofString("{\"values\": [{\"day\": \"" + m.day() + "\", \"value\": " + m.value()
                                .toPlainString() + ", \"source\": \"" + m.source() + "\"}]}")).build();
        HttpResponse<String> response = run.send(request);
        run.findings.check(response.statusCode() < 300, new Finding(run.scenario.seed(), week, "outcome-values",
                m.workflowId(), "stored", "2xx", response.statusCode() + ": " + response.body()));
        Expected e = expect(m.workflowId(), week, week + 1);
        String quarter = m.day().get(IsoFields.QUARTER_OF_YEAR) + "/" + m.day().getYear();
        if (e.flagged()) {
            told.putIfAbsent(m.workflowId() + "@" + quarter, week);
        }
    }

    // --- the oracle ---

    /** The claim and measurement behind a week's scorecard, from the events of the weeks before {@code readIn}. */
    Expected expect(String workflowId, int week, int readIn) {
        LocalDate sunday = run.scenario.timeline().get(0).monday().plusWeeks(week).plusDays(6);
        BigDecimal claimed = null;
        ScenarioEvent.Measured measured = null;
        for (int w = 0; w < readIn && w < run.scenario.timeline().size(); w++) {
            WeekPlan plan = run.scenario.timeline().get(w);
            for (ScenarioEvent.CheckedIn c : plan.events(ScenarioEvent.CheckedIn.class)) {
                if (c.workflowId().equals(workflowId) && w <= week && claimable(c)) {
                    claimed = c.value();
                }
            }
            for (ScenarioEvent.Measured m : plan.events(ScenarioEvent.Measured.class)) {
                if (m.workflowId().equals(workflowId) && !m.day().isAfter(sunday)
                        && (measured == null || !m.day().isBefore(measured.day()))) {
                    measured = m;
                }
            }
        }
        if (measured == null) {
            return new Expected(claimed, null, null, null, false);
        }
        BigDecimal value = measured.value();
        if (claimed == null) {
            return new Expected(null, value, measured.day(), null, false);
        }
        BigDecimal difference = claimed.subtract(value);
        boolean flagged = value.signum() == 0 ? difference.signum() != 0
                : difference.abs().multiply(BigDecimal.valueOf(100)).compareTo(GAP.multiply(value.abs())) > 0;
        BigDecimal percent = value.signum() == 0 ? null
                : difference.multiply(BigDecimal.valueOf(100)).divide(value.abs(), 1, RoundingMode.HALF_UP);
        return new Expected(claimed, value, measured.day(), percent, flagged);
    }

    private boolean claimable(ScenarioEvent.CheckedIn c) {
        return run.people().get(c.ownerEmail()).platform() != Platform.NONE;
    }

    // --- the checks ---

    private void check(int week, String output, String workflow, String figure, Object expected, Object actual) {
        run.findings.check(String.valueOf(expected).equals(String.valueOf(actual)), new Finding(run.scenario.seed(),
                week, output, workflow, figure, String.valueOf(expected), String.valueOf(actual)));
    }

    /** The outcome of each workflow with one, in the scorecard JSON and the CSV of {@code week}. */
    void scorecard(int week, int readIn, JsonNode workflowJson, CSVRecord row, ScenarioWorkflow workflow) {
        if (workflow.outcome().isEmpty()) {
            return;
        }
        Expected e = expect(workflow.id(), week, readIn);
        JsonNode o = workflowJson.path("outcome");
        check(week, "api", workflow.id(), "outcome.claimed", plain(e.claimed()), plain(decimal(o.path("claimed"))));
        check(week, "api", workflow.id(), "outcome.measured", plain(e.measured()),
                plain(decimal(o.path("measured"))));
        check(week, "api", workflow.id(), "outcome.measuredOn", e.measuredOn() == null ? "" : e.measuredOn(),
                o.path("measuredOn").asText(""));
        check(week, "api", workflow.id(), "outcome.gapPercent", plain(e.gapPercent()),
                plain(decimal(o.path("gapPercent"))));
        check(week, "api", workflow.id(), "outcome.gapFlagged", e.flagged(), o.path("gapFlagged").asBoolean());
        if (row != null) {
            check(week, "csv", workflow.id(), "outcome_claimed", plain(e.claimed()),
                    plain(csvDecimal(row.get("outcome_claimed"))));
            check(week, "csv", workflow.id(), "outcome_measured", plain(e.measured()),
                    plain(csvDecimal(row.get("outcome_measured"))));
            check(week, "csv", workflow.id(), "outcome_gap_flagged", e.flagged(), row.get("outcome_gap_flagged"));
        }
    }

    /** The digest's line of a workflow says "claimed …, measured … on …" whenever both exist. */
    void digest(int week, int readIn, String output, ScenarioWorkflow workflow, String digestText) {
        if (workflow.outcome().isEmpty()) {
            return;
        }
        String words = expect(workflow.id(), week, readIn).words();
        if (words != null) {
            check(week, output, workflow.id(), "claimed vs measured", words,
                    digestText.contains(words) ? words : "not in the digest");
        }
    }

    /**
     * Each sponsor was told once of each workflow and quarter whose gap was flagged before this week, and of nothing
     * else; a gap flagged this week may still wait for the sponsor's quiet hours to end (values come on Saturdays).
     */
    void sponsors(int week) {
        List<String> actual = new ArrayList<>();
        for (ScenarioProgramme programme : run.scenario.programmes()) {
            ScenarioPerson sponsor = run.people().get(programme.sponsorEmail());
            for (String text : messagesTo(sponsor)) {
                for (ScenarioWorkflow w : run.scenario.workflows()) {
                    if (w.programmeId().equals(programme.id())
                            && text.contains("Claimed and measured outcome differ: " + w.name())) {
                        actual.add(w.id());
                    }
                }
            }
        }
        List<String> expected = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        told.forEach((key, flaggedIn) -> {
            String workflow = key.substring(0, key.indexOf('@'));
            if (flaggedIn < week) {
                expected.add(workflow);
            } else if (flaggedIn == week) {
                pending.add(workflow);
            }
        });
        for (String workflow : pending) {
            if (Collections.frequency(actual, workflow) > Collections.frequency(expected, workflow)) {
                expected.add(workflow);
            }
        }
        check(week, "sponsor-messages", "*", "outcome gaps told", expected.stream().sorted().toList(),
                actual.stream().sorted().toList());
    }

    private List<String> messagesTo(ScenarioPerson person) {
        List<String> texts = new ArrayList<>();
        if (person.platform() == Platform.SLACK) {
            for (FakeSlackApi.Call call : run.slack().api().calls("chat.postMessage")) {
                String channel = call.params().getOrDefault("channel", "");
                if (channel.equals(person.chatId())) {
                    texts.add(call.params().getOrDefault("text", "") + call.params().getOrDefault("blocks", ""));
                }
            }
        } else if (person.platform() == Platform.TEAMS) {
            for (FakeBotConnector.Call call : run.teams().posted()) {
                if (person.chatId().equals(run.teams().userOf(call))) {
                    texts.add(call.body().toString());
                }
            }
        }
        return texts;
    }

    private static BigDecimal decimal(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : new BigDecimal(n.asText());
    }

    private static BigDecimal csvDecimal(String s) {
        return s == null || s.isEmpty() ? null : new BigDecimal(s);
    }

    static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
