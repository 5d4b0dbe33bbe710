package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A digest names each workflow's owner by the name Slack gives them; an owner no chat platform knows is shown by
 * email, the only name Uptake has.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestOwnerNamesTest extends FiguresWorld {

    @Override
    String programmesFile() {
        return """
                programmes:
                  - id: owners
                    name: Owners
                    sponsor: cfo@example.com
                    workflows:
                      - id: a-triage
                        name: Claims triage
                        stage: pilot
                        stage-since: 2026-09-01
                        owner: jane@example.com
                        audience: { slack-channel: C0OWN }
                        target-team-size: 4
                      - id: b-review
                        name: Fraud review
                        stage: pilot
                        stage-since: 2026-09-01
                        owner: nobody-in-slack@example.com
                        audience: { emails: [u1@example.com, u2@example.com] }
                        target-team-size: 2
                """;
    }

    @Test
    void theOwnerSlackKnowsIsNamedAndTheOtherIsShownByEmail() throws Exception {
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        slackApi.answer("users.list", 200, """
                {"ok":true,"members":[
                  {"id":"U9","name":"jane","real_name":"Jane Okafor","tz":"Europe/London",
                   "profile":{"email":"Jane@Example.com","real_name":"Jane Okafor"}},
                  {"id":"U1","name":"u1","real_name":"Uma One","tz":"Europe/London",
                   "profile":{"email":"u1@example.com"}}],
                 "response_metadata":{"next_cursor":""}}""", Map.of());
        slackApi.answer("conversations.members", 200,
                "{\"ok\":true,\"members\":[\"U1\"],\"response_metadata\":{\"next_cursor\":\"\"}}", Map.of());
        syncAudiences.run();

        JsonNode preview = preview("?programme=owners&week=2026-W48");
        String text = preview.path("text").asText();

        assertThat(text).contains("Owner: Jane Okafor").doesNotContain("jane@example.com")
                .contains("Owner: nobody-in-slack@example.com");
        assertThat(preview.path("blockKit").toString()).contains("Jane Okafor").doesNotContain("jane@example.com");
        assertThat(preview.path("adaptiveCards").toString()).contains("Jane Okafor").doesNotContain("jane@example.com");
    }
}
