package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.CatalogLookup;
import io.uptake.digest.SendDigest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One rule for weeks: a week is complete in a zone once its Sunday 24:00 there has passed; a digest scores the
 * last complete week in its own zone, and the running week is only ever shown as "so far" (preview, API, status).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunningWeekTest extends FiguresWorld {

    static final Instant TUESDAY_W49 = Instant.parse("2026-12-01T10:00:00Z");
    static final List<String> USERS = List.of("U1", "U2", "U3", "U4", "U5", "U6");

    @Inject
    SendDigest sendDigest;
    @Inject
    CatalogLookup catalog;

    @Override
    String programmesFile() {
        return FiguresFreshnessTest.FILE + """
                digests:
                  - channel: slack:C0KIWI
                    programmes: [fresh]
                    schedule: { every: MONDAY, at: "09:00", zone: Pacific/Auckland }
                """;
    }

    @Override
    Map<String, String> more() {
        return Map.of("uptake.metrics.min-respondents", "3");
    }

    @Test
    @Order(1)
    void thePreviewOfTheRunningWeekSaysThisWeekSoFarNeverLastCompleteWeek() throws Exception {
        clock.set(TUESDAY_W49);

        for (String query : List.of("?programme=fresh&week=2026-W49", "?programme=fresh&week=current")) {
            JsonNode running = preview(query);
            assertThat(running.path("week").asText()).as(query).isEqualTo("2026-W49");
            assertThat(running.path("soFar").asBoolean()).as(query).isTrue();
            assertThat(running.path("blockKit").toString()).as(query).contains("This week so far")
                    .doesNotContain("Last complete week");
            assertThat(running.path("adaptiveCard").toString()).as(query).contains("This week so far")
                    .doesNotContain("Last complete week");
            assertThat(running.path("text").asText()).as(query).contains("this week so far");
        }
        JsonNode complete = preview("?programme=fresh");
        assertThat(complete.path("week").asText()).isEqualTo("2026-W48");
        assertThat(complete.path("soFar").asBoolean()).isFalse();
        assertThat(complete.path("blockKit").toString()).contains("Last complete week")
                .doesNotContain("so far");
    }

    @Test
    @Order(2)
    void theApiGivesTheRunningWeekAsCurrentWithItsFiguresSoFar() throws Exception {
        clock.set(TUESDAY_W49);
        channelMembers("C0FRESH", USERS);
        usage("running-1", "a-triage", "U1", "2026-11-30");
        usage("running-2", "a-triage", "U2", "2026-12-01");

        JsonNode current = scorecard("?week=current");
        JsonNode last = scorecard("");

        assertThat(current.path("week").asText()).isEqualTo("2026-W49");
        assertThat(current.path("soFar").asBoolean()).isTrue();
        assertThat(workflow(current, "a-triage").path("wauPercent").path("value").asDouble())
                .isEqualTo(Math.round(2 * 1000.0 / 6) / 10.0);
        assertThat(last.path("week").asText()).isEqualTo("2026-W48");
        assertThat(last.path("soFar").asBoolean()).isFalse();
        assertThat(scorecard("?week=2026-W49").path("soFar").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void statusRightAfterAPulseShowsTheRunningWeekSoFar() throws Exception {
        clock.set(TUESDAY_W49);
        openRound("triage-weekly");
        trust("U1", 5);
        trust("U2", 4);
        trust("U3", 2);

        String status = command("U4", "status a-triage");

        int soFar = status.indexOf("this week so far");
        assertThat(soFar).as(status).isPositive();
        assertThat(status.substring(0, soFar)).contains("2026-W48");
        String running = status.substring(soFar);
        // (100 + 75 + 25) / 3 answers
        assertThat(number(running, "Trust")).as(running).contains(67);
        assertThat(number(running, "Response rate")).as(running).contains(50);
    }

    @Test
    @Order(4)
    void aMondayDigestInAucklandScoresTheWeekJustEndedThereNotTheOneRunning() throws Exception {
        long subscription = catalog.activeDigests().get(0).id();
        clock.set(Instant.parse("2026-11-29T10:00:00Z")); // Sunday 23:00 in Auckland: 2026-W48 is still running

        SendDigest.Result sunday = sendDigest.send(subscription);
        clock.set(Instant.parse("2026-11-29T20:00:00Z")); // Monday 09:00 in Auckland, Sunday 20:00 in UTC
        SendDigest.Result monday = sendDigest.send(subscription);
        dispatcher.dispatchDue();

        assertThat(sunday).isInstanceOfSatisfying(SendDigest.Result.Sent.class,
                s -> assertThat(s.week()).isEqualTo("2026-W47"));
        assertThat(monday).isInstanceOfSatisfying(SendDigest.Result.Sent.class,
                s -> assertThat(s.week()).isEqualTo("2026-W48"));
        List<FakeSlackApi.Call> posts = slackApi.calls("chat.postMessage").stream()
                .filter(c -> "C0KIWI".equals(c.params().get("channel"))).toList();
        assertThat(posts).extracting(c -> c.params().get("blocks")).anySatisfy(b -> assertThat(b)
                .contains("Last complete week, 2026-W48").doesNotContain("so far"));
        assertThat(posts).extracting(c -> c.params().get("blocks")).noneSatisfy(b -> assertThat(b)
                .contains("2026-W49"));
    }
}
