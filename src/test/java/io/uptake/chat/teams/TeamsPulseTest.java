package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.Pulse;
import io.uptake.catalog.Question;
import io.uptake.delivery.ChatGateway;
import io.uptake.delivery.DispatchReport;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.RecordingGateway;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.PersonRepository;
import io.uptake.platform.Platform;
import io.uptake.pulse.CloseRounds;
import io.uptake.pulse.OpenRound;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pulse from end to end in Teams: a team's roster becomes the audience, a round opens, the real dispatcher
 * sends each person a card through the Teams gateway to the fake Bot Connector, an answer comes back as an
 * {@code adaptiveCard/action} invoke (or an {@code Action.Submit} message) and the card is edited.
 *
 * <p>The test contexts register a recording gateway named {@code teams}; here it is replaced by the real
 * Teams gateway, so the dispatcher under test is the production one with nothing stubbed but the network.
 */
@MicronautTest(transactional = false)
class TeamsPulseTest extends TeamsTestContext {

    static final String TENANT = "tenant-pulse";

    @Inject
    ApplicationContext context;
    @Inject
    SyncTeamsRosters rosters;
    @Inject
    OpenRound openRound;
    @Inject
    Dispatcher dispatcher;
    @Inject
    CloseRounds closeRounds;
    @Inject
    ChatIdentityRepository identities;
    @Inject
    PersonRepository people;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("uptake.teams.test.real-gateway", "true");
        return properties;
    }

    @Test
    void aPulseReachesTheTeamAndAnAnswerRefreshesTheCardThenTheCloseEditsIt() {
        openFor("teams-p1", "19:p1@thread.tacv2", "29:ana", "29:ben");

        DispatchReport sent = dispatcher.dispatchDue();

        assertThat(sent.sent()).isEqualTo(2);
        assertThat(connector.chatsOpened()).extracting(c -> c.body().path("members").path(0).path("id").asText())
                .containsExactlyInAnyOrder("29:ana", "29:ben");
        FakeBotConnector.Call anasCard = cardOf("29:ana");
        assertThat(anasCard.card().toString()).contains("How often did you use Claims triage");

        Answer answer = post(TeamsActivity.execute(TENANT, "29:ana", CardData.VERB, button(anasCard, "trust", "4")));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode invokeResponse = json(answer.body());
        assertThat(invokeResponse.path("statusCode").asInt()).isEqualTo(200);
        assertThat(invokeResponse.path("type").asText()).isEqualTo(CardInvokeResponses.CARD);
        assertThat(invokeResponse.path("value").toString()).contains("Your answer: 4");

        dispatcher.dispatchDue();

        String conversation = anasCard.path().split("/")[3];
        assertThat(connector.edits()).singleElement().satisfies(edit -> {
            assertThat(edit.path()).startsWith("/v3/conversations/" + conversation + "/activities/1:activity-");
            assertThat(edit.card().toString()).contains("Your answer: 4");
        });

        clock.advance(Duration.ofDays(4));
        closeRounds.run();
        dispatcher.dispatchDue();

        List<String> closedCards = connector.edits().stream()
                .filter(edit -> List.of(conversation, conversationOf("29:ben")).contains(edit.path().split("/")[3]))
                .skip(1).map(edit -> edit.card().path("body").path(0).path("text").asText()).toList();
        assertThat(closedCards).containsExactlyInAnyOrder("This pulse has closed. Thanks for answering.",
                "This pulse has closed.");

        Answer late = post(TeamsActivity.execute(TENANT, "29:ben", CardData.VERB,
                button(cardOf("29:ben"), "trust", "2")));
        assertThat(json(late.body()).path("type").asText()).isEqualTo(CardInvokeResponses.MESSAGE);
        assertThat(json(late.body()).path("value").asText()).contains("This pulse has closed");
    }

    @Test
    void anActionSubmitAnswerIsRecordedAndConfirmedInTheChat() {
        openFor("teams-p2", "19:p2@thread.tacv2", "29:cy");
        dispatcher.dispatchDue();

        Answer answer = post(TeamsActivity.submit(TENANT, "29:cy", button(cardOf("29:cy"), "usage", "3")));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(connector.posted().get(connector.posted().size() - 1).text())
                .isEqualTo("Thanks, your answer is recorded. You can change it until the pulse closes.");
        dispatcher.dispatchDue();
        assertThat(connector.edits()).singleElement()
                .satisfies(edit -> assertThat(edit.card().toString()).contains("Your answer: Most days"));
    }

    @Test
    void someoneWhoWasNotAskedIsToldSo() {
        openFor("teams-p3", "19:p3@thread.tacv2", "29:dee");
        dispatcher.dispatchDue();
        JsonNode data = button(cardOf("29:dee"), "trust", "5");

        Answer answer = post(TeamsActivity.execute(TENANT, "29:stranger", CardData.VERB, data));

        assertThat(json(answer.body()).path("value").asText()).contains("was not sent to you");
    }

    @Test
    void aPersonWhoBlockedTheBotIsMarkedUnreachable() {
        openFor("teams-p4", "19:p4@thread.tacv2", "29:eve");
        connector.answerNext(new FakeBotConnector.Reply(201, Map.of(), "{\"id\":\"a:eve-chat\"}"),
                FakeBotConnector.error(403, "MessageWritesBlocked"));

        dispatcher.dispatchDue();

        long eve = identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, TENANT, "29:eve")
                .orElseThrow().personId();
        assertThat(people.findById(eve).orElseThrow().unreachableReason())
                .isEqualTo("teams: HTTP 403 MessageWritesBlocked");
    }

    /** Declares a pulse for a team, installs the bot there, syncs the roster and opens a round now. */
    private void openFor(String pulseId, String teamId, String... userIds) {
        TeamsWorld.declare(context, pulseId, teamId, Pulse.Mode.CONFIDENTIAL, Question.USAGE, Question.TRUST);
        post(TeamsActivity.botAddedToTeam(TENANT, teamId, "29:owner"));
        connector.roster(teamId, List.of(TeamsActivity.members(Arrays.stream(userIds)
                .map(id -> TeamsActivity.member(id, id.substring(3) + "@example.com", id.substring(3)))
                .toArray(ObjectNode[]::new))));
        assertThat(rosters.run().members()).isEqualTo(userIds.length);
        assertThat(openRound.now(pulseId)).isInstanceOf(OpenRound.Result.Opened.class);
    }

    /** The card the bot posted into the chat it opened with this user. */
    private FakeBotConnector.Call cardOf(String userId) {
        String conversation = conversationOf(userId);
        return connector.posted().stream()
                .filter(c -> c.path().equals("/v3/conversations/" + conversation + "/activities"))
                .findFirst().orElseThrow();
    }

    private String conversationOf(String userId) {
        return ConversationRefs.read(identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, TENANT, userId)
                .orElseThrow().conversationRef()).orElseThrow().getConversation().getId();
    }

    /** The data of the button that answers {@code value} to {@code question}. */
    private static JsonNode button(FakeBotConnector.Call card, String question, String value) {
        return card.card().findParents("verb").stream().map(a -> a.path("data"))
                .filter(d -> d.path("question").asText().equals(question) && d.path("value").asText().equals(value))
                .findFirst().orElseThrow();
    }

    private static JsonNode json(String body) {
        try {
            return FakeBotConnector.JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts the real Teams gateway where the test contexts have a recording one. */
    @Factory
    @Requires(property = "uptake.teams.test.real-gateway", value = "true")
    static class RealTeamsGateway {

        @Singleton
        @Named("teams")
        @Replaces(value = RecordingGateway.class, named = "teams")
        ChatGateway teams(TeamsGateway gateway) {
            return gateway;
        }
    }
}
