package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.PersonRepository;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The words of Slack's {@code /uptake}, typed in the personal chat; the bot's replies reach the fake connector. */
@MicronautTest(transactional = false)
class TeamsCommandsTest extends TeamsTestContext {

    @Inject
    ChatIdentityRepository identities;
    @Inject
    PersonRepository people;
    @Inject
    MutableClock clock;

    @Test
    void helpIsAnsweredInThePersonalChatWithTheBotsToken() {
        assertThat(post(TeamsActivity.text("tenant-c1", "29:dee", "help")).status()).isEqualTo(202);

        assertThat(connector.posted()).singleElement().satisfies(reply -> {
            assertThat(reply.path()).startsWith("/v3/conversations/a:chat-29:dee/activities/");
            assertThat(reply.authorization()).isEqualTo("Bearer " + StaticTokenCredentials.TOKEN);
            assertThat(reply.text()).contains("pause", "resume", "optout", "optin");
        });
    }

    @Test
    void pausePausesThePersonBehindTheChat() {
        post(TeamsActivity.text("tenant-c2", "29:eve", "pause 3d"));

        long person = identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, "tenant-c2", "29:eve").orElseThrow()
                .personId();
        assertThat(people.findById(person).orElseThrow().pausedUntil())
                .isEqualTo(clock.instant().plus(Duration.ofDays(3)));
        assertThat(connector.posted().get(0).text()).startsWith("Paused until");
    }

    @Test
    void optoutThenOptinChangeThePersonsChoice() {
        post(TeamsActivity.text("tenant-c3", "29:fay", "optout"));
        long person = identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, "tenant-c3", "29:fay").orElseThrow()
                .personId();
        assertThat(people.findById(person).orElseThrow().optedOutAt()).isNotNull();

        post(TeamsActivity.text("tenant-c3", "29:fay", "OPTIN"));

        assertThat(people.findById(person).orElseThrow().optedOutAt()).isNull();
        assertThat(connector.posted()).extracting(FakeBotConnector.Call::text)
                .containsExactly(connector.posted().get(0).text(),
                        "You are opted in again, and any pause is over: pulses and nudges will reach you again. "
                                + "Thanks!");
    }

    @Test
    void commandsInAChannelPointToThePersonalChat() {
        post(TeamsActivity.channelText("tenant-c4", "19:team-c4@thread.tacv2", "29:gus", "pause"));

        assertThat(connector.posted()).singleElement()
                .satisfies(reply -> assertThat(reply.text()).isEqualTo(TextCommands.PERSONAL_ONLY));
        assertThat(identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, "tenant-c4", "29:gus")).isEmpty();
    }
}
