package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.delivery.Dispatcher;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.platform.Platform;
import io.uptake.pulse.OpenRound;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quick card actions on a Teams pulse end with the card showing every answer: the edits they queue
 * ({@code updateActivity}) reach the Bot Connector newest-only, never an older state after a newer one. Starts
 * from a programmes file, clicks through signed {@code adaptiveCard/action} invokes and reads the edits the fake
 * Bot Connector received. The real Teams gateway sends (see {@link TeamsPulseTest.RealTeamsGateway}).
 */
@MicronautTest(transactional = false)
class TeamsAnswerEditsTest extends TeamsTestContext {

    static final String TENANT = "tenant-edits";
    static final String TEAM = "19:edits@thread.tacv2";
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
                    audience: { teams-team: "%s" }
                    target-team-size: 2
                    cycle-time: { task: Triage one claim, baseline-minutes: 18 }
            pulses:
              - id: claims-weekly
                workflow: claims-triage
                schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                questions: [usage, trust, correction, cycle-time]
            """.formatted(TEAM);

    @Inject
    SyncTeamsRosters rosters;
    @Inject
    OpenRound openRound;
    @Inject
    Dispatcher dispatcher;
    @Inject
    ChatIdentityRepository identities;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("uptake.teams.test.real-gateway", "true");
        properties.put("uptake.catalog", programmesFile().toString());
        return properties;
    }

    @Test
    void fourQuickCardActionsSendOneEditThatShowsAllFourAnswers() throws Exception {
        FakeBotConnector.Call card = pulseTo("29:ana");

        click("29:ana", card, "usage", "3");
        click("29:ana", card, "trust", "4");
        click("29:ana", card, "correction", "1");
        click("29:ana", card, "cycle-time", "8");
        dispatcher.dispatchDue();

        List<List<String>> edits = answersShownInEdits(card);
        assertThat(edits).as("only the latest state of the card is sent").hasSize(1);
        assertThat(edits.get(0)).containsExactly("Most days", "4", "Sometimes", "5–10 min");
    }

    @Test
    void anEditRetriedAfterAFailureIsNotSentOnceANewerOneWas() throws Exception {
        FakeBotConnector.Call card = pulseTo("29:bo");

        click("29:bo", card, "usage", "2");
        connector.answerNext(FakeBotConnector.error(503, "ServiceUnavailable"));
        dispatcher.dispatchDue();
        click("29:bo", card, "trust", "5");
        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(10));
        dispatcher.dispatchDue();

        assertThat(answersShownInEdits(card)).as("the failed first edit, then the newer one; never the first again")
                .containsExactly(List.of("A few times"), List.of("A few times", "5 · Completely"));
    }

    /** Installs the bot in the team, syncs its roster (one person), opens a round and sends the card. */
    private FakeBotConnector.Call pulseTo(String userId) throws Exception {
        post(TeamsActivity.botAddedToTeam(TENANT, TEAM, "29:owner"));
        connector.roster(TEAM, List.of(TeamsActivity.members(new ObjectNode[] {
                TeamsActivity.member(userId, userId.substring(3) + "@example.com", userId.substring(3))})));
        rosters.run();
        assertThat(openRound.now("claims-weekly")).isInstanceOf(OpenRound.Result.Opened.class);
        dispatcher.dispatchDue();
        String conversation = conversationOf(userId);
        return connector.posted().stream()
                .filter(c -> c.path().equals("/v3/conversations/" + conversation + "/activities"))
                .findFirst().orElseThrow();
    }

    /** For each edit of this card, oldest first, the answers it shows. */
    private List<List<String>> answersShownInEdits(FakeBotConnector.Call card) {
        String conversation = card.path().split("/")[3];
        List<List<String>> edits = new ArrayList<>();
        for (FakeBotConnector.Call edit : connector.edits()) {
            if (!edit.path().split("/")[3].equals(conversation)) {
                continue;
            }
            List<String> answers = new ArrayList<>();
            for (JsonNode text : edit.card().findValues("text")) {
                String line = text.asText("");
                if (line.startsWith("Your answer: ")) {
                    answers.add(line.substring("Your answer: ".length()).strip());
                }
            }
            edits.add(answers);
        }
        return edits;
    }

    private void click(String userId, FakeBotConnector.Call card, String question, String value) {
        // A button carries its value; a question with more options than buttons fit is a choice input whose
        // value the client merges into the Send button's data.
        JsonNode data = card.card().findParents("verb").stream().map(a -> a.path("data"))
                .filter(d -> d.path("question").asText().equals(question) && (d.path("value").asText().equals(value)
                        || !d.has("value")))
                .findFirst().map(d -> d.has("value") ? d
                        : ((ObjectNode) d.deepCopy()).put(CardData.INPUT_PREFIX + question, value)).orElseThrow();
        assertThat(post(TeamsActivity.execute(TENANT, userId, CardData.VERB, data)).status()).isEqualTo(200);
    }

    private String conversationOf(String userId) {
        return ConversationRefs.read(identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, TENANT, userId)
                .orElseThrow().conversationRef()).orElseThrow().getConversation().getId();
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
