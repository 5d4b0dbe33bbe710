package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.delivery.Dispatcher;
import io.uptake.pulse.OpenRound;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Quick clicks on a Slack pulse end with the message showing every answer: the edits they queue reach Slack
 * newest-only, never an older state after a newer one. Starts from a programmes file, clicks through signed
 * interactivity requests and reads the {@code chat.update} calls the fake Slack Web API received.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackAnswerEditsTest implements TestPropertyProvider {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = "T0EDITS";
    static final String PROGRAMMES = """
            programmes:
              - id: claims-ai
                name: Claims triage assistant
                sponsor: cfo@example.com
                workflows:
                  - id: claims-triage
                    name: Claims triage
                    stage: pilot
                    stage-since: 2026-09-01
                    owner: jane@example.com
                    audience: { slack-channel: C0EDITS01 }
                    target-team-size: 2
                    cycle-time: { task: Triage one claim, baseline-minutes: 18 }
            pulses:
              - id: claims-weekly
                workflow: claims-triage
                schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                questions: [usage, trust, correction, cycle-time]
            """;

    final FakeSlackApi slackApi = FakeSlackApi.start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    SyncSlackAudiences syncAudiences;
    @Inject
    OpenRound openRound;
    @Inject
    Dispatcher dispatcher;

    @Override
    public Map<String, String> getProperties() {
        return slackApi.singleWorkspace(TEAM, "xoxb-edits", Map.of("uptake.catalog", programmesFile().toString()));
    }

    @BeforeAll
    void pulseTwoPeople() throws Exception {
        slackApi.answer("users.list", 200, """
                {"ok":true,"members":[
                 {"id":"U1","name":"ana","real_name":"Ana","tz":"Europe/London","profile":{"email":"ana@example.com"}},
                 {"id":"U2","name":"bo","real_name":"Bo","tz":"Europe/London","profile":{"email":"bo@example.com"}}],
                 "response_metadata":{"next_cursor":""}}""", Map.of());
        slackApi.answer("conversations.members", 200,
                "{\"ok\":true,\"members\":[\"U1\",\"U2\"],\"response_metadata\":{\"next_cursor\":\"\"}}", Map.of());
        syncAudiences.run();
        assertThat(openRound.now("claims-weekly")).isInstanceOf(OpenRound.Result.Opened.class);
        dispatcher.dispatchDue();
    }

    @AfterAll
    void stop() {
        slackApi.close();
    }

    @Test
    void fourQuickClicksSendOneUpdateThatShowsAllFourAnswers() {
        FakeSlackApi.Call pulse = pulseTo("U1");

        click("U1", pulse, "usage", "Most days");
        click("U1", pulse, "trust", "4");
        click("U1", pulse, "correction", "Sometimes");
        click("U1", pulse, "cycle-time", "5–10 min");
        dispatcher.dispatchDue();

        List<List<String>> updates = answersShownInUpdates(pulse);
        assertThat(updates).as("only the latest state of the message is sent").hasSize(1);
        assertThat(updates.get(updates.size() - 1))
                .containsExactly("Most days", "4", "Sometimes", "5–10 min");
    }

    @Test
    void theCycleTimeQuestionAsksAboutTheTaskInAWholeSentence() {
        String blocks = pulseTo("U1").params().get("blocks");

        assertThat(blocks).contains("How long does this task take you now: Triage one claim?")
                .doesNotContain("How long does Triage one claim take you now?");
    }

    @Test
    void anEditRetriedAfterAFailureIsNotSentOnceANewerOneWas() {
        FakeSlackApi.Call pulse = pulseTo("U2");
        slackApi.answer("chat.update", 500, "", Map.of());

        click("U2", pulse, "usage", "A few times");
        dispatcher.dispatchDue();
        click("U2", pulse, "trust", "5 · Completely");
        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(10));
        dispatcher.dispatchDue();

        List<List<String>> updates = answersShownInUpdates(pulse);
        assertThat(updates).as("the failed first edit, then the newer one; never the first again")
                .containsExactly(List.of("A few times"), List.of("A few times", "5 · Completely"));
    }

    private FakeSlackApi.Call pulseTo(String user) {
        return slackApi.calls("chat.postMessage").stream().filter(c -> c.params().get("channel").equals(user))
                .findFirst().orElseThrow();
    }

    /**
     * For each {@code chat.update} of this pulse message (the only message in its DM), oldest first, the answers it
     * shows.
     */
    private List<List<String>> answersShownInUpdates(FakeSlackApi.Call pulse) {
        // Slack opens the person's DM for a post to their user id: the fake names it D + the rest of the id.
        String dm = "D" + pulse.params().get("channel").substring(1);
        List<List<String>> updates = new ArrayList<>();
        for (FakeSlackApi.Call update : slackApi.calls("chat.update")) {
            if (!update.params().get("channel").equals(dm)) {
                continue;
            }
            List<String> answers = new ArrayList<>();
            for (JsonNode block : json(update.params().get("blocks"))) {
                String text = block.path("text").path("text").asText("");
                int at = text.indexOf("Your answer: ");
                if (at >= 0) {
                    answers.add(text.substring(at + "Your answer: ".length()).strip());
                }
            }
            updates.add(answers);
        }
        return updates;
    }

    private void click(String user, FakeSlackApi.Call pulse, String question, String label) {
        for (JsonNode block : json(pulse.params().get("blocks"))) {
            for (JsonNode button : block.path("elements")) {
                if (button.path("action_id").asText("").startsWith(PulseActions.ANSWER_PREFIX + question + ":")
                        && button.path("text").path("text").asText().equals(label)) {
                    String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"x\"},"
                            + "\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + TEAM + "\"},\"api_app_id\":\"A1\","
                            + "\"trigger_id\":\"1.2.3\",\"response_url\":\"" + slackApi.url() + "response\","
                            + "\"container\":{\"type\":\"message\"},\"channel\":{\"id\":\"D" + user.substring(1)
                            + "\"},\"actions\":[{\"type\":\"button\",\"action_id\":" + button.path("action_id")
                            + ",\"block_id\":\"b\",\"value\":" + button.path("value") + ",\"action_ts\":\"1\"}]}";
                    int status = http.toBlocking().exchange(new SignedSlackRequests(clock)
                            .form("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8))).code();
                    assertThat(status).isEqualTo(200);
                    return;
                }
            }
        }
        throw new AssertionError("no " + question + " button labelled " + label);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path programmesFile() {
        try {
            Path path = Files.createTempFile("programmes", ".yml");
            path.toFile().deleteOnExit();
            return Files.writeString(path, PROGRAMMES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
