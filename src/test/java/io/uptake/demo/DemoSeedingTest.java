package io.uptake.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.scenario.Membership;
import io.uptake.scenario.Scenario;
import io.uptake.scenario.ScenarioEvent;
import io.uptake.scenario.ScenarioWorkflow;
import io.uptake.scenario.WeekPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A demo seeded with a short year holds the figures the generated organisation implies: weekly active use and the
 * trust index of the claims-triage workflow are computed here from the scenario value alone and compared with the
 * scorecard API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSeedingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedServer server;
    private DemoMarker marker;
    private Scenario scenario;

    @BeforeAll
    void seed() throws Exception {
        server = SeededDemo.server();
        marker = server.getApplicationContext().getBean(DemoDatabase.class).marker().orElseThrow();
        scenario = DemoStart.scenario(marker.seed(), marker.firstMonday());
    }

    @Test
    void theSeededYearEndsWithTheLastCompleteWeek() {
        LocalDate thisMonday = LocalDate.now().with(java.time.temporal.TemporalAdjusters.previousOrSame(
                java.time.DayOfWeek.MONDAY));
        assertThat(marker.seeded()).isTrue();
        assertThat(marker.weeks()).isEqualTo(DemoContexts.WEEKS);
        assertThat(marker.firstMonday().plusWeeks(DemoContexts.WEEKS)).isEqualTo(thisMonday);
    }

    @Test
    void weeklyActiveUseOfClaimsTriageIsTheScenariosForEveryWeek() throws Exception {
        for (int week = 1; week < DemoContexts.WEEKS; week++) {
            JsonNode claims = workflow(week, "claims-triage");
            assertThat(claims.path("wauPercent").path("value").decimalValue().setScale(1, RoundingMode.HALF_UP))
                    .as("WAU of week %d", week).isEqualTo(expectedWau(week, "claims-triage", 60));
        }
    }

    @Test
    void theTrustIndexOfAClaimsRoundIsTheMeanOfEachPersonsLastTrustAnswer() throws Exception {
        int week = 4;
        Map<String, Integer> last = new HashMap<>();
        for (ScenarioEvent.Answered a : scenario.timeline().get(week).events(ScenarioEvent.Answered.class)) {
            if (a.pulseId().equals("claims-weekly") && a.question().equals("trust")) {
                last.put(a.email(), Integer.parseInt(a.value()));
            }
        }
        assertThat(last).hasSizeGreaterThanOrEqualTo(5);
        BigDecimal expected = BigDecimal.valueOf(last.values().stream().mapToInt(v -> 25 * (v - 1)).sum())
                .divide(BigDecimal.valueOf(last.size()), 1, RoundingMode.HALF_UP);
        JsonNode trust = workflow(week, "claims-triage").path("trustIndex");
        assertThat(trust.path("value").decimalValue().setScale(1, RoundingMode.HALF_UP)).isEqualTo(expected);
    }

    @Test
    void theSystemsOfRecordsMeasuredValuesStandBesideTheOwnersClaims() throws Exception {
        int measured = 0;
        for (int week = 0; week < DemoContexts.WEEKS - 1; week++) {
            for (ScenarioEvent.Measured m : scenario.timeline().get(week).events(ScenarioEvent.Measured.class)) {
                JsonNode outcome = workflow(week, m.workflowId()).path("outcome");
                assertThat(outcome.path("measured").decimalValue()).as("measured %s in week %d", m.workflowId(), week)
                        .isEqualByComparingTo(m.value());
                assertThat(outcome.path("measuredOn").asText()).isEqualTo(m.day().toString());
                BigDecimal claimed = scenario.timeline().get(week).events(ScenarioEvent.CheckedIn.class).stream()
                        .filter(c -> c.workflowId().equals(m.workflowId())).map(ScenarioEvent.CheckedIn::value)
                        .findFirst().orElse(null);
                if (claimed != null) {
                    assertThat(outcome.path("claimed").decimalValue()).isEqualByComparingTo(claimed);
                }
                measured++;
            }
        }
        assertThat(measured).as("measured values in the seeded weeks").isPositive();
    }

    /**
     * Claims intake rolls out in waves: in the seeded weeks only its first wave (an emails list) is live, so its
     * team is that wave's target and its weekly active use counts that wave's members alone, although members of
     * the later waves (a Slack channel, a Teams team) try the tool now and then.
     */
    @Test
    void onlyTheLiveWaveOfClaimsIntakeCounts() throws Exception {
        ScenarioWorkflow intake = scenario.workflow("claims-intake");
        int team = intake.waves().get(0).targetTeamSize();
        int early = 0;
        for (int week = 2; week < DemoContexts.WEEKS; week++) {
            int w = week;
            Set<String> firstWave = new HashSet<>();
            scenario.memberships().stream().filter(m -> m.workflowId().equals(intake.id()) && m.wave() == 1)
                    .forEach(m -> firstWave.add(m.email()));
            Set<String> active = new HashSet<>();
            for (ScenarioEvent.Used u : scenario.timeline().get(week).events(ScenarioEvent.Used.class)) {
                if (u.workflowId().equals(intake.id()) && u.count() > 0) {
                    if (firstWave.contains(u.email())) {
                        active.add(u.email());
                    } else {
                        early++;
                    }
                }
            }
            JsonNode json = workflow(week, intake.id());
            BigDecimal expected = BigDecimal.valueOf(active.size() * 100L).divide(BigDecimal.valueOf(team), 1,
                    RoundingMode.HALF_UP);
            assertThat(json.path("teamSize").path("value").asInt()).as("team in week %d", w).isEqualTo(team);
            assertThat(json.path("wauPercent").path("value").decimalValue().setScale(1, RoundingMode.HALF_UP))
                    .as("WAU in week %d", w).isEqualTo(expected);
            JsonNode waves = json.path("waves");
            assertThat(waves).hasSize(3);
            assertThat(waves.get(0).path("wauPercent").path("value").decimalValue().setScale(1, RoundingMode.HALF_UP))
                    .isEqualTo(expected);
            assertThat(List.of(waves.get(0).path("live").asBoolean(), waves.get(1).path("live").asBoolean(),
                    waves.get(2).path("live").asBoolean())).containsExactly(true, false, false);
        }
        assertThat(early).as("uses by members of waves not yet live").isPositive();
    }

    @Test
    void peopleOfEveryAudienceKindAreInTheDatabaseAndEveryMessageWentOut() throws Exception {
        DataSource data = DelegatingDataSource.unwrapDataSource(server.getApplicationContext()
                .getBean(DataSource.class));
        try (Connection c = data.getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM person")).isGreaterThan(150);
            assertThat(count(c, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).isGreaterThan(500);
            assertThat(count(c, "SELECT COUNT(*) FROM outbox WHERE status = 'dead'")).isZero();
            assertThat(count(c, "SELECT COUNT(DISTINCT platform) FROM web_chat_message WHERE kind = "
                    + "'pulse_question' OR kind = 'pulse_answered'")).isEqualTo(2);
            assertThat(count(c, "SELECT COUNT(*) FROM web_chat_message WHERE kind = 'digest'")).isPositive();
        }
    }

    @Test
    void everyClickOnAnAnonymousPulseIsTakenAsOneAnswerPerPersonAndQuestion() throws Exception {
        DataSource data = DelegatingDataSource.unwrapDataSource(server.getApplicationContext()
                .getBean(DataSource.class));
        for (int week : new int[] {0, 4}) {
            Set<String> answered = new HashSet<>();
            scenario.timeline().get(week).events(ScenarioEvent.Answered.class).stream()
                    .filter(a -> a.pulseId().equals("letters-weekly"))
                    .forEach(a -> answered.add(a.email() + "|" + a.question()));
            String period = marker.firstMonday().plusWeeks(week).with(java.time.DayOfWeek.WEDNESDAY).toString();
            try (Connection c = data.getConnection()) {
                assertThat(count(c, "SELECT COUNT(*) FROM answer a JOIN pulse_round r ON r.id = a.round_id "
                        + "WHERE r.pulse_id = 'letters-weekly' AND r.period = '" + period + "'"))
                        .as("answers to the anonymous round of week %d", week).isEqualTo(answered.size());
            }
        }
    }

    /** People in the audience at some point of the week, with at least one use reported in it, of the team. */
    private BigDecimal expectedWau(int week, String workflowId, int teamSize) {
        Set<String> members = new HashSet<>();
        for (Membership m : scenario.memberships()) {
            if (m.workflowId().equals(workflowId) && m.fromWeek() <= week && week <= m.leftWeek()) {
                members.add(m.email());
            }
        }
        WeekPlan plan = scenario.timeline().get(week);
        Set<String> active = new HashSet<>();
        plan.events(ScenarioEvent.Used.class).stream()
                .filter(u -> u.workflowId().equals(workflowId) && u.count() > 0 && members.contains(u.email()))
                .forEach(u -> active.add(u.email()));
        return BigDecimal.valueOf(active.size() * 100L).divide(BigDecimal.valueOf(teamSize), 1,
                RoundingMode.HALF_UP);
    }

    private JsonNode workflow(int week, String id) throws Exception {
        LocalDate monday = marker.firstMonday().plusWeeks(week);
        String iso = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/scorecard?week=" + iso))
                .header("Authorization", "Bearer " + DemoContexts.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode p : JSON.readTree(response.body()).path("programmes")) {
            for (JsonNode w : p.path("workflows")) {
                if (w.path("workflowId").asText().equals(id)) {
                    return w;
                }
            }
        }
        throw new AssertionError(id + " is not in the scorecard of " + iso + ": " + response.body());
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
