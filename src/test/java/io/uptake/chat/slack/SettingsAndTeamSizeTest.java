package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.nudge.AlertOwners;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The documented {@code UPTAKE_METRICS_*} settings decide owner alerts, and a channel audience without a target
 * team size is measured against its synced members, saying so.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsAndTeamSizeTest extends FiguresWorld {

    static final List<String> USERS = List.of("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8");
    static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z"); // the last complete week is 2026-W48

    @Inject
    AlertOwners alertOwners;

    @Override
    String programmesFile() {
        return """
                programmes:
                  - id: settings
                    name: Settings
                    sponsor: cfo@example.com
                    workflows:
                      - id: a-triage
                        name: Claims triage
                        stage: pilot
                        stage-since: 2026-09-01
                        owner: u1@example.com
                        audience: { slack-channel: C0SET }
                        target-team-size: 8
                      - id: b-review
                        name: Fraud review
                        stage: pilot
                        stage-since: 2026-09-01
                        owner: u2@example.com
                        audience: { slack-channel: C0SET }
                pulses:
                  - id: triage-weekly
                    workflow: a-triage
                    schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                    questions: [usage, trust]
                    close-after: 96h
                """;
    }

    @Override
    Map<String, String> more() {
        return Map.of("uptake.metrics.min-respondents", "3", "uptake.metrics.response-rate-flag", "80",
                "uptake.metrics.trust-drop-flag", "10");
    }

    @Test
    @Order(1)
    void ownerAlertsUseTheTrustDropAndResponseRateSettings() throws Exception {
        clock.set(Instant.parse("2026-11-16T08:00:00Z"));
        channelMembers(USERS, 2);
        clock.set(Instant.parse("2026-11-17T10:00:00Z"));
        openRound("triage-weekly");
        for (String user : USERS.subList(0, 4)) {
            trust(user, 4);
        }
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        openRound("triage-weekly");
        int[] week48 = {4, 3, 4, 3, 4, 3};
        for (int i = 0; i < week48.length; i++) {
            trust(USERS.get(i), week48[i]);
        }
        clock.set(MONDAY);

        alertOwners.lastWeek();
        dispatcher.dispatchDue();

        double before = 75;
        double now = (3 * 75 + 3 * 50) / 6.0;
        double response = 6 * 100.0 / 8;
        List<String> alerts = slackApi.calls("chat.postMessage").stream()
                .filter(c -> "U1".equals(c.params().get("channel")))
                .map(c -> c.params().get("blocks") + c.params().get("text"))
                .filter(t -> t.contains("trust fell") || t.contains("answered the pulse")).toList();
        assertThat(alerts).singleElement().asString()
                .contains("trust fell " + Math.round(before - now) + " points")
                .contains("only " + Math.round(response) + "% of the people asked answered")
                .contains("below 80%");
    }

    @Test
    @Order(2)
    void aChannelAudienceWithoutATargetIsMeasuredAgainstItsSyncedMembersAndSaysSo() throws Exception {
        clock.set(MONDAY);
        for (String user : USERS.subList(0, 3)) {
            usage("review-" + user, "b-review", user, "2026-11-25");
        }
        double wau = Math.round(3 * 1000.0 / USERS.size()) / 10.0;

        JsonNode review = workflow(scorecard("?week=2026-W48"), "b-review");
        CSVRecord row = csvRow("?week=2026-W48", "b-review").orElseThrow();
        String text = FiguresFreshnessTest.section(preview("?programme=settings&week=2026-W48").path("text").asText(),
                "Fraud review").orElseThrow();

        assertThat(review.path("teamSize").path("value").asInt()).isEqualTo(USERS.size());
        assertThat(review.path("teamSize").path("basis").asText()).isEqualTo("SYNCED_MEMBERS");
        assertThat(review.path("wauPercent").path("value").asDouble()).isEqualTo(wau);
        assertThat(row.get("team_size")).isEqualTo("8");
        assertThat(row.get("team_size_basis")).isEqualTo("SYNCED_MEMBERS");
        assertThat(Double.parseDouble(row.get("wau_percent"))).isEqualTo(wau);
        assertThat(text).contains("of 8 synced members");
        JsonNode triage = workflow(scorecard("?week=2026-W48"), "a-triage");
        assertThat(triage.path("teamSize").path("basis").asText()).isEqualTo("TARGET");
        assertThat(csvRow("?week=2026-W48", "a-triage").orElseThrow().get("team_size_basis")).isEqualTo("TARGET");
    }
}
