package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * Signed activities whose shape the bot cannot use, each the exact shape a fuzzing run found answered with 503:
 * the sender's mistake, so a 400 that says what is wrong, nothing stored and nothing sent.
 */
@MicronautTest(transactional = false)
class TeamsMalformedActivityTest extends TeamsTestContext {

    @Inject
    TeamsInstallations installations;

    /** How an activity is sent: signed here, unsigned in insecure local mode. */
    Answer send(String json) {
        return post(json, Tokens.channel(APP_ID, connector.url()));
    }

    @Test
    void aMessageWithoutASenderIs400() {
        ObjectNode message = message("tenant-nofrom", "29:nofrom", "help");
        message.remove("from");

        assertRefused(send(message.toString()), "from");
        assertThat(installations.findByTenantIdAndConversationId("tenant-nofrom", "a:chat-29:nofrom")).isEmpty();
    }

    @Test
    void aSenderWithANullIdIs400() {
        ObjectNode message = message("tenant-nullid", "29:nullid", "help");
        ((ObjectNode) message.get("from")).putNull("id");

        assertRefused(send(message.toString()), "from.id");
        assertThat(installations.findByTenantIdAndConversationId("tenant-nullid", "a:chat-29:nullid")).isEmpty();
    }

    @Test
    void aMentionEntityWithoutItsFieldsIs400() {
        ObjectNode message = message("tenant-mention", "29:mention", "<at>Uptake</at> help");
        message.putArray("entities").addObject().put("type", "mention");

        assertRefused(send(message.toString()), "mention");
    }

    @Test
    void channelDataThatIsANumberIs400() {
        ObjectNode message = message("tenant-cdata", "29:cdata", "help");
        message.put("channelData", 5);

        assertRefused(send(message.toString()), "channelData");
    }

    @Test
    void aConversationIdThatCannotTravelInAHeaderIs400() {
        // The fuzz suite's shape: an invalid UTF-8 byte in place of the id's colon, read as U+FFFD. The reply
        // carries the id in the x-ms-conversation-id header, which refused it: the turn failed with a logged
        // stack trace and the person was told nothing.
        ObjectNode message = message("tenant-header", "29:fff9b", "help");
        ((ObjectNode) message.get("conversation")).put("id", "a\uFFFDchat-29:fff9b");

        assertRefused(send(message.toString()), "conversation id");
    }

    @Test
    void deeplyNestedJsonIs400() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        String message = message("tenant-deep", "29:deep", "help").toString();
        String body = message.substring(0, message.length() - 1) + ",\"value\":" + deep + "}";

        Answer answer = send(body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("Exception");
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void aWellFormedMessageWithAMentionIsStillAnswered() {
        ObjectNode message = message("tenant-ok", "29:ok", "<at>Uptake</at> help");
        message.putArray("entities").addObject().put("type", "mention").put("text", "<at>Uptake</at>")
                .putObject("mentioned").put("id", TeamsActivity.BOT_ID).put("name", "Uptake");

        assertThat(send(message.toString()).status()).isEqualTo(202);
        assertThat(connector.posted()).singleElement().satisfies(reply -> assertThat(reply.text()).contains("pause"));
    }

    private void assertRefused(Answer answer, String field) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains(field).doesNotContain("Exception");
        assertThat(connector.posted()).isEmpty();
    }

    static ObjectNode message(String tenant, String user, String text) {
        try {
            return (ObjectNode) FakeBotConnector.JSON.readTree(TeamsActivity.text(tenant, user, text).json());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
