package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.people.LinkIdentity;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What `/uptake pause` and `/uptake optin` tell a person, and that what they say is what happens. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackPauseAndOptInTest implements TestPropertyProvider {

    static final String TEAM = "T0PAUSE";

    final FakeSlackApi slackApi = FakeSlackApi.start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    LinkIdentity identities;
    @Inject
    PersonRepository people;

    @Override
    public Map<String, String> getProperties() {
        return slackApi.singleWorkspace(TEAM, "xoxb-pause", Map.of());
    }

    @AfterAll
    void stop() {
        slackApi.close();
    }

    @Test
    void aPauseLongerThanTheLongestSaysItWasShortened() {
        String reply = command("U1", "pause 200d");

        assertThat(reply).startsWith("A pause lasts at most 90 days, so you are paused until ")
                .contains("`resume` ends the pause early");
        assertThat(person("U1").pausedUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(90)));
    }

    @Test
    void aPauseWithinTheLongestIsNotCalledShortened() {
        assertThat(command("U3", "pause 2w")).startsWith("Paused until ").doesNotContain("at most");
    }

    @Test
    void optingInAgainEndsAPauseAsTheReplySays() {
        command("U2", "pause 3w");
        command("U2", "optout");

        String reply = command("U2", "optin");

        assertThat(reply).contains("opted in again", "any pause is over");
        PersonRow person = person("U2");
        assertThat(person.optedOutAt()).isNull();
        assertThat(person.pausedUntil()).isNull();
    }

    private PersonRow person(String user) {
        return people.findById(identities.find(Platform.SLACK, TEAM, user).orElseThrow()).orElseThrow();
    }

    private String command(String user, String text) {
        String body = "command=%2Fuptake&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&team_id=" + TEAM
                + "&user_id=" + user + "&user_name=x&channel_id=D" + user.substring(1) + "&response_url="
                + URLEncoder.encode(slackApi.url() + "response", StandardCharsets.UTF_8) + "&trigger_id=1.2";
        Map<?, ?> reply = http.toBlocking().retrieve(new SignedSlackRequests(clock).form(body), Map.class);
        return reply.get("text").toString();
    }
}
