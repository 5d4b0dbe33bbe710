package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's first pulse, as a newcomer takes it: the sample programmes file with their own email in it, Slack's
 * directory naming them, "send now" through the admin API, their clicks, then the digest preview of the week so
 * far, in which a figure from one person's answers is hidden.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstPulseFromTheSampleTest extends FiguresWorld {

    private static final Path SAMPLE = Path.of("manifests", "programmes.example.yaml");

    @Override
    String programmesFile() {
        try {
            return Files.readString(SAMPLE).replace("you@example.com", "u1@example.com");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSampleFilesPulseReachesItsOnePersonAndTheirFiguresStayHidden() throws Exception {
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        channelMembers(List.of("U1"), 0);

        HttpResponse<Map> sent = http.toBlocking().exchange(admin(HttpRequest.POST(
                "/api/v1/pulses/claims-weekly/rounds", "")), Map.class);
        dispatcher.dispatchDue();
        answer("U1", "usage", "1");
        trust("U1", 4);
        dispatcher.dispatchDue();

        assertThat(sent.code()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(sent.body()).containsEntry("recipients", 1).containsEntry("skipped", 0);
        assertThat(slackApi.calls("chat.postMessage")).filteredOn(c -> "U1".equals(c.params().get("channel")))
                .hasSize(1);
        assertThat(slackApi.calls("chat.update")).last().extracting(c -> c.params().get("blocks")).asString()
                .contains("Your answer: Once").contains("Your answer: 4");
        String digest = preview("?programme=claims-ai&week=current").path("text").asText();
        assertThat(digest).contains("Trust: —  (fewer than 5 answers)")
                .contains("Weekly active: —  (fewer than 5 people reporting their use)");
    }
}
