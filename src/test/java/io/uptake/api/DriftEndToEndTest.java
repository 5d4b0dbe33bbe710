package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.chat.slack.BlockKit;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.RecordingGateway;
import io.uptake.message.OwnerAlert;
import io.uptake.nudge.AlertOwners;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.FindOrAddPerson;
import io.uptake.people.InTestDirectory;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import io.uptake.web.Sessions;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Drift-back as an admin, a leader and an owner meet it: a programmes file with a workflow on every audience kind (an
 * emails list, a Slack channel, a Slack user group, a Teams team), each launched on its own day, and twelve weeks of
 * use sent through {@code POST /api/v1/usage-events} week by week as the clock moves. Every audience of 25 people
 * uses its workflow in the same shape, so the figures are worked out once, here, from that shape:
 * <ul>
 *   <li>6 people use it every week from 2026-W35 (24 Aug) to 2026-W46 (9 Nov), the scored week;</li>
 *   <li>5 from W38 (14 Sep) to W43, 4 from W38 to W44, 5 from W38 to W45;</li>
 *   <li>5 never use it.</li>
 * </ul>
 * Weekly active: W35–W37 6 (24%), W38–W43 20 (80%), W44 15 (60%), W45 11 (44%), W46 6 (24%). So WAU fell 3 weeks
 * running (80 → 60 → 44 → 24; W43 equals W42), its 4-week peak is 80%, 70% above this week's ((80 − 24) ÷ 80).
 * Tried and stopped (used in W41–W44, not in W45–W46): the 5 + 4 = 9 of 25, 36%. Never started: 5 of 25, 20%; the
 * rest of those idle in W46 (the 5 who last used it in W45) is no small group, so it is shown.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftEndToEndTest implements TestPropertyProvider {

    static final String TOKEN = "drift-e2e-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate W35 = LocalDate.parse("2026-08-24");
    static final String WEEK = "2026-W46";
    static final int SIZE = 25;

    static final Map<String, List<String>> AUDIENCE = Map.of("triage", people("e"), "replies", people("c"),
            "summaries", people("g"), "handover", people("t"));
    static final Map<String, String> OWNERS = Map.of("triage", "o1@example.com", "replies", "o2@example.com",
            "summaries", "o3@example.com", "handover", "o4@example.com");

    final ProgrammesFile file = ProgrammesFile.create("""
            programmes:
              - id: ops-ai
                name: Operations AI
                sponsor: coo@example.com
                workflows:
                  - id: triage
                    name: Ticket triage
                    stage: pilot
                    stage-since: 2026-08-26
                    owner: o1@example.com
                    audience: { emails: [%s] }
                    target-team-size: 25
                  - id: replies
                    name: Reply drafts
                    stage: pilot
                    stage-since: 2026-06-01
                    owner: o2@example.com
                    audience: { slack-channel: C0OPS }
                    target-team-size: 25
                  - id: summaries
                    name: Case summaries
                    stage: production
                    stage-since: 2026-07-27
                    owner: o3@example.com
                    audience: { slack-usergroup: S0OPS }
                    target-team-size: 25
                  - id: handover
                    name: Shift handover
                    stage: pilot
                    stage-since: 2026-11-04
                    owner: o4@example.com
                    audience: { teams-team: "19:ops@thread.tacv2" }
                    target-team-size: 25
            """.formatted(String.join(", ", AUDIENCE.get("triage"))));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    AlertOwners alertOwners;
    @Inject
    Dispatcher dispatcher;
    @Inject
    @Named("slack")
    RecordingGateway slack;

    static List<String> people(String prefix) {
        return IntStream.rangeClosed(1, SIZE).mapToObj(i -> prefix + i + "@example.com").toList();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", TOKEN, "uptake.catalog", file.path().toString(),
                "uptake.test.clock-start", "2026-08-31T06:00:00Z");
    }

    /** The weeks (0 = W35) person {@code i} of an audience uses the workflow in, as the class comment says. */
    static boolean uses(int i, int week) {
        if (i < 6) {
            return true;
        }
        if (i < 11) {
            return week >= 3 && week <= 8;
        }
        if (i < 15) {
            return week >= 3 && week <= 9;
        }
        if (i < 20) {
            return week >= 3 && week <= 10;
        }
        return false;
    }

    @BeforeAll
    void sendTwelveWeeks() {
        InTestDirectory.sync(context, Map.of("C0OPS", AUDIENCE.get("replies"), "S0OPS", AUDIENCE.get("summaries"),
                "19:ops@thread.tacv2", AUDIENCE.get("handover")));
        int n = 0;
        for (String owner : List.of("o1@example.com", "o2@example.com", "o3@example.com", "o4@example.com")) {
            long id = context.getBean(FindOrAddPerson.class).findOrAdd(owner).orElseThrow();
            Instant at = Instant.parse("2026-08-01T00:00:00Z");
            context.getBean(ChatIdentityRepository.class).save(new ChatIdentityRow(null, id, Platform.SLACK,
                    "T0OPS", "UO" + (++n), null, null, null, at, at));
        }
        // Each week's use is sent on the Monday after it, on a Tuesday of the week, once a day.
        for (int week = 0; week < 12; week++) {
            LocalDate monday = W35.plusWeeks(week);
            clock.set(monday.plusWeeks(1).atTime(6, 0).toInstant(java.time.ZoneOffset.UTC));
            List<String> rows = new ArrayList<>();
            for (Map.Entry<String, List<String>> audience : AUDIENCE.entrySet()) {
                for (int i = 0; i < SIZE; i++) {
                    if (uses(i, week)) {
                        rows.add("{\"workflow\": \"" + audience.getKey() + "\", \"email\": \""
                                + audience.getValue().get(i) + "\", \"day\": \"" + monday.plusDays(1)
                                + "\", \"count\": 3}");
                    }
                }
            }
            Map<?, ?> answer = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/usage-events",
                    "{\"batch\": \"drift-" + monday + "\", \"events\": [" + String.join(",", rows) + "]}")
                    .contentType(MediaType.APPLICATION_JSON).bearerAuth(TOKEN), Map.class);
            assertThat(answer.get("accepted")).as("week " + monday).isEqualTo(rows.size());
        }
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
    }

    @Test
    void theScorecardShowsTheDriftOfEveryAudienceKind() throws IOException {
        JsonNode card = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/scorecard?week=" + WEEK)
                .bearerAuth(TOKEN), String.class));
        for (String id : AUDIENCE.keySet()) {
            JsonNode w = workflow(card, id);
            JsonNode drift = w.get("drift");
            assertThat(w.get("wauPercent").get("value").asDouble()).as(id).isEqualTo(24.0);
            assertThat(drift.get("fallingWeeks").asInt()).as(id).isEqualTo(3);
            assertThat(drift.get("peakWauPercent").get("value").asDouble()).as(id).isEqualTo(80.0);
            assertThat(drift.get("dropFromPeak").get("value").asDouble()).as(id).isEqualTo(70.0);
            assertThat(drift.get("triedAndStopped").get("value").asDouble()).as(id).isEqualTo(36.0);
            assertThat(drift.get("triedAndStopped").get("n").asInt()).as(id).isEqualTo(SIZE);
            assertThat(drift.get("neverStarted").get("value").asDouble()).as(id).isEqualTo(20.0);
            assertThat(drift.get("neverStarted").get("n").asInt()).as(id).isEqualTo(SIZE);
            List<String> flags = new ArrayList<>();
            w.get("flags").forEach(f -> flags.add(f.asText()));
            assertThat(flags).as(id).contains("WAU falling 3 weeks running (80% to 24%)",
                    "WAU 70% below its 4-week peak (80% to 24%)");
        }
        // Launched 26 Aug (W35, inside the history); first above half in W38.
        assertThat(quarter(card, "triage")).containsExactly("2026-08-26", "2026-11-25", "MET", "2026-09-14");
        // In production since 27 Jul, before the history: its first weeks are read anew; met in W38 too.
        assertThat(quarter(card, "summaries")).containsExactly("2026-07-27", "2026-10-26", "MET", "2026-09-14");
        // A pilot since 1 Jun: its quarter ended 31 Aug with nobody using it before W35 and 24% then.
        assertThat(quarter(card, "replies")).containsExactly("2026-06-01", "2026-08-31", "MISSED", "null");
        assertThat(workflow(card, "replies").get("flags").toString())
                .contains("majority not weekly active within the first quarter (over 50% by 31 Aug 2026)");
        // A pilot since 4 Nov: its quarter runs to 3 Feb 2027, and 44% and 24% are no majority yet.
        assertThat(quarter(card, "handover")).containsExactly("2026-11-04", "2027-02-03", "PENDING", "null");
    }

    @Test
    void theDigestSaysItOnSlackAndTeams() throws IOException {
        JsonNode preview = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/digests/preview?programme=ops-ai&week=" + WEEK).bearerAuth(TOKEN), String.class));
        String common = "WAU down 3 weeks running, 70% below its 4-week peak of 80% · stopped 36% · never started 20%"
                + " · majority by first quarter: ";
        for (String part : List.of("text", "blockKit", "adaptiveCard")) {
            String shown = preview.get(part).isTextual() ? preview.get(part).asText() : preview.get(part).toString();
            assertThat(shown).as(part).contains(common + "met 14 Sep").contains(common + "missed (deadline 31 Aug)")
                    .contains(common + "pending, deadline 3 Feb 2027")
                    .contains("WAU falling 3 weeks running (80% to 24%)")
                    .contains("Majority not weekly active within the first quarter (over 50% by 31 Aug 2026)");
        }
    }

    @Test
    void theCsvCarriesTheDriftColumns() throws IOException {
        String text = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/export/scorecard.csv?week=" + WEEK)
                .bearerAuth(TOKEN));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
        CSVRecord row = rows.stream().filter(r -> r.get("workflow").equals("summaries")).findFirst().orElseThrow();
        Map<String, String> cells = row.getParser().getHeaderNames().stream()
                .collect(Collectors.toMap(h -> h, row::get));

        assertThat(cells).containsEntry("wau_falling_weeks", "3").containsEntry("wau_peak_percent", "80")
                .containsEntry("wau_drop_from_peak_percent", "70").containsEntry("tried_and_stopped_percent", "36")
                .containsEntry("never_started_percent", "20").containsEntry("never_started_n", "25")
                .containsEntry("first_quarter_launched", "2026-07-27")
                .containsEntry("first_quarter_deadline", "2026-10-26").containsEntry("first_quarter_state", "MET")
                .containsEntry("first_quarter_met_on", "2026-09-14");
    }

    @Test
    void eachOwnerIsToldOnceAndTheMissedQuarterOnlyInItsWeek() {
        int queued = alertOwners.lastWeek();
        int again = alertOwners.lastWeek();
        dispatcher.dispatchDue();

        assertThat(queued).isEqualTo(4);
        assertThat(again).isZero();
        List<RecordingGateway.Call> alerts = slack.delivered().stream()
                .filter(c -> c.envelope().message() instanceof OwnerAlert).toList();
        assertThat(alerts).hasSize(4);
        for (RecordingGateway.Call call : alerts) {
            OwnerAlert alert = (OwnerAlert) call.envelope().message();
            assertThat(alert.week()).isEqualTo(WEEK);
            // W46 is not the week replies' quarter was missed (W35), so no owner hears of that again.
            assertThat(alert.reasons()).containsExactly("WAU falling 3 weeks running (80% to 24%)",
                    "WAU 70% below its 4-week peak (80% to 24%)");
            assertThat(BlockKit.render(alert).blocks().toString()).contains("WAU falling 3 weeks running");
        }
        assertThat(alerts.stream().map(c -> c.envelope().recipient()).toList())
                .containsExactlyInAnyOrder("UO1", "UO2", "UO3", "UO4");
    }

    @Test
    void theOwnerSeesTheDriftOnTheWorkflowPage() {
        String page = http.toBlocking().retrieve(Sessions.of(context).signedIn(HttpRequest.GET(
                "/workflows/replies?week=" + WEEK), OWNERS.get("replies")).accept(MediaType.TEXT_HTML_TYPE));

        assertThat(page).contains("Drift back to the old way").contains("Never started").contains("20.0 %")
                .contains("36.0 %").contains("missed: no week above the majority by 2026-08-31")
                .contains("WAU falling 3 weeks running (80% to 24%)").contains("People are drifting back");
    }

    static List<String> quarter(JsonNode card, String id) {
        JsonNode q = workflow(card, id).get("drift").get("firstQuarter");
        return List.of(q.path("launched").asText("null"), q.path("deadline").asText("null"), q.get("state").asText(),
                q.path("metOn").asText("null"));
    }

    static JsonNode workflow(JsonNode card, String id) {
        for (JsonNode programme : card.get("programmes")) {
            for (JsonNode workflow : programme.get("workflows")) {
                if (workflow.get("workflowId").asText().equals(id)) {
                    return workflow;
                }
            }
        }
        throw new AssertionError("no workflow " + id + " in " + card);
    }
}
