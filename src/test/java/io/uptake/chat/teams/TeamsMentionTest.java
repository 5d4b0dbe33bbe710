package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** The bot's mention in a message: taken out literally, in bounded work, whatever the mention holds. */
@MicronautTest(transactional = false)
class TeamsMentionTest extends TeamsTestContext {

    @Test
    void aMessageWithA120kCharacterMentionIsRefusedBeforeAnyProcessing() {
        String mention = "<at>" + "a".repeat(120_000) + "</at>";
        ObjectNode message = mentioning("tenant-huge", "29:huge", mention, mention + " help");

        Answer answer = post(message.toString(), Tokens.channel(APP_ID, connector.url()));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("longer than 40000 characters");
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void moreThan64EntitiesAreRefused() {
        ObjectNode message = mentioning("tenant-many", "29:many", "<at>Uptake</at>", "<at>Uptake</at> help");
        for (int i = 0; i < 64; i++) {
            message.withArray("entities").addObject().put("type", "clientInfo");
        }

        assertThat(post(message.toString(), Tokens.channel(APP_ID, connector.url())).status()).isEqualTo(413);
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void aLongMentionJustUnderTheLimitIsTakenOutAndTheCommandAnswered() {
        String mention = "<at>" + "a".repeat(19_000) + "b</at>";
        ObjectNode message = mentioning("tenant-long", "29:long", mention, mention + " help " + mention);

        Answer answer = post(message.toString(), Tokens.channel(APP_ID, connector.url()));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(connector.posted()).singleElement().satisfies(reply -> assertThat(reply.text())
                .contains("pause"));
    }

    @Test
    void aMentionWhoseTextLooksLikeARegularExpressionIsTakenOutLiterally() {
        String mention = "<at>Up[take(</at>";
        ObjectNode message = mentioning("tenant-regex", "29:regex", mention, mention + " help");

        Answer answer = post(message.toString(), Tokens.channel(APP_ID, connector.url()));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(connector.posted()).singleElement().satisfies(reply -> assertThat(reply.text()).contains("pause"));
    }

    private static ObjectNode mentioning(String tenant, String user, String mention, String text) {
        ObjectNode message = TeamsMalformedActivityTest.message(tenant, user, text);
        message.putArray("entities").addObject().put("type", "mention").put("text", mention)
                .putObject("mentioned").put("id", TeamsActivity.BOT_ID).put("name", "Uptake");
        return message;
    }
}
