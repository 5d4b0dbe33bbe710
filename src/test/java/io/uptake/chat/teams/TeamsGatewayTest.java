package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.platform.Platform;
import io.uptake.delivery.Envelope;
import io.uptake.delivery.SendResult;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.ChatMessage;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import io.uptake.message.PulseQuestion;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.LinkIdentity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The outbox's Teams gateway against the fake Bot Connector: sends, new chats, edits, and each failure's meaning. */
@MicronautTest(transactional = false)
class TeamsGatewayTest extends TeamsTestContext {

    static final PulseCard CARD = new PulseCard("claims-weekly", 11, "Claims triage", "Quick pulse.",
            List.of(new AskedQuestion("trust", "Trust it?", List.of(new AnswerOption("1", "1"),
                    new AnswerOption("5", "5")), null)), Instant.parse("2026-11-24T10:00:00Z"), false, null);

    @Inject
    TeamsGateway gateway;
    @Inject
    LinkIdentity link;
    @Inject
    ChatIdentityRepository identities;

    @Test
    void aCardGoesToTheStoredConversationSignedWithTheBotsToken() {
        SendResult result = gateway.send(envelope(reference("a:chat-g1"), Optional.empty()));

        FakeBotConnector.Call post = connector.posted().get(0);
        assertThat(result).isInstanceOfSatisfying(SendResult.Sent.class,
                sent -> assertThat(sent.messageRef()).matches("1:activity-\\d+\\|a:chat-g1"));
        assertThat(post.path()).isEqualTo("/v3/conversations/a:chat-g1/activities");
        assertThat(post.authorization()).isEqualTo("Bearer " + StaticTokenCredentials.TOKEN);
        assertThat(post.body().path("type").asText()).isEqualTo("message");
        assertThat(post.body().path("summary").asText()).isEqualTo("Quick pulse.");
        assertThat(post.body().path("attachments").path(0).path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(post.card().path("version").asText()).isEqualTo("1.5");
    }

    @Test
    void withoutAStoredReferenceAChatIsOpenedInTheTenantAndRemembered() {
        link.link(new LinkIdentity.ChatUser(Platform.TEAMS, "tenant-g2", "29:roster-only", "hal@example.com", null,
                null,
                null, null, null));

        SendResult result = gateway.send(new Envelope(2, Platform.TEAMS, "tenant-g2", "29:roster-only",
                new PulseQuestion(CARD), Optional.empty()));

        FakeBotConnector.Call opened = connector.chatsOpened().get(0);
        assertThat(opened.body().path("members").path(0).path("id").asText()).isEqualTo("29:roster-only");
        assertThat(opened.body().path("bot").path("id").asText()).isEqualTo("28:" + APP_ID);
        assertThat(opened.body().path("tenantId").asText()).isEqualTo("tenant-g2");
        assertThat(opened.body().path("channelData").path("tenant").path("id").asText()).isEqualTo("tenant-g2");
        String conversation = connector.posted().get(0).path().split("/")[3];
        assertThat(conversation).startsWith("a:opened-");
        assertThat(((SendResult.Sent) result).messageRef()).endsWith("|" + conversation);
        String stored = identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, "tenant-g2", "29:roster-only")
                .orElseThrow().conversationRef();
        assertThat(ConversationRefs.read(stored).orElseThrow().getConversation().getId()).isEqualTo(conversation);
    }

    @Test
    void anEditReplacesTheSentActivityInPlace() {
        SendResult result = gateway.send(envelope(reference("a:chat-g3"),
                Optional.of("1:activity-42|a:chat-g3"), new PulseClosed(CARD, false)));

        assertThat(result).isEqualTo(new SendResult.Sent("1:activity-42|a:chat-g3"));
        assertThat(connector.edits()).singleElement().satisfies(put -> {
            assertThat(put.path()).isEqualTo("/v3/conversations/a:chat-g3/activities/1:activity-42");
            assertThat(put.body().path("id").asText()).isEqualTo("1:activity-42");
            assertThat(put.card().toString()).contains("This pulse has closed").doesNotContain("Action.Execute");
        });
    }

    @Test
    void aThrottledSendWaitsForRetryAfter() {
        connector.answerNext(FakeBotConnector.error(429, "Throttled", Map.of("Retry-After", "7")));

        assertThat(send()).isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(7)));
    }

    @Test
    void preconditionGatewayAndServerFailuresAreRetried() {
        connector.answerNext(FakeBotConnector.error(412, "PreconditionFailed"),
                FakeBotConnector.error(502, "BadGateway"), FakeBotConnector.error(504, "GatewayTimeout"),
                FakeBotConnector.error(500, "ServiceError"));

        assertThat(List.of(send(), send(), send(), send())).containsExactly(
                new SendResult.Failed("HTTP 412 PreconditionFailed"), new SendResult.Failed("HTTP 502 BadGateway"),
                new SendResult.Failed("HTTP 504 GatewayTimeout"), new SendResult.Failed("HTTP 500 ServiceError"));
    }

    @Test
    void aBlockedBotMeansThePersonIsGone() {
        connector.answerNext(FakeBotConnector.error(403, "MessageWritesBlocked"));

        assertThat(send()).isEqualTo(new SendResult.Rejected("HTTP 403 MessageWritesBlocked", true));
    }

    @Test
    void anotherRefusalIsFinalButLeavesThePersonReachable() {
        connector.answerNext(FakeBotConnector.error(403, "Forbidden"), FakeBotConnector.error(400, "BadArgument"));

        assertThat(send()).isEqualTo(new SendResult.Rejected("HTTP 403 Forbidden", false));
        assertThat(send()).isEqualTo(new SendResult.Rejected("HTTP 400 BadArgument", false));
    }

    @Test
    void anUnreachableConnectorIsRetried() {
        String closedPort = ConversationRefs.write(ConversationRefs.personal("http://127.0.0.1:1/", "a:chat-g8",
                "tenant-g", "29:g8", "28:" + APP_ID));

        assertThat(gateway.send(envelope(closedPort, Optional.empty()))).isInstanceOf(SendResult.Failed.class);
    }

    private SendResult send() {
        return gateway.send(envelope(reference("a:chat-g"), Optional.empty()));
    }

    private String reference(String conversationId) {
        return ConversationRefs.write(ConversationRefs.personal(connector.url(), conversationId, "tenant-g",
                "29:" + conversationId, "28:" + APP_ID));
    }

    private static Envelope envelope(String recipient, Optional<String> updateRef) {
        return envelope(recipient, updateRef, new PulseQuestion(CARD));
    }

    private static Envelope envelope(String recipient, Optional<String> updateRef,
                                     ChatMessage message) {
        return new Envelope(1, Platform.TEAMS, "tenant-g", recipient, message, updateRef);
    }
}
