package io.uptake.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The chat simulator shows "What's most in the way?" as one button per category, each a form posting its value,
 * the chosen one pressed, and the optional comment as a labelled text box: what a person clicks in {@code /try}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TryBlockersCardTest implements TestPropertyProvider {

    private static final Pattern BUTTON = Pattern.compile(
            "<button type=\"submit\" name=\"value\" value=\"(\\d)\" aria-pressed=\"(true|false)\">([^<]*)</button>");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", "try-card-test-token", "uptake.test.try-card", "true");
    }

    @Test
    void everyCategoryIsAButtonAndTheCommentABox() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                server.getURL() + "/test-try-card")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        List<String> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Matcher m = BUTTON.matcher(page.body());
        while (m.find()) {
            values.add(m.group(1));
            labels.add(m.group(3));
            assertThat(m.group(2)).isEqualTo(m.group(1).equals("6") ? "true" : "false");
        }
        assertThat(values).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(labels).containsExactly("Data access", "Integration with the tools I use", "Rules or approval",
                "I don&#39;t trust the output", "I don&#39;t understand it / no training", "✓ No time",
                "Doesn&#39;t fit my work", "Nothing — it works");
        assertThat(page.body()).contains("<legend>What&#39;s most in the way of using Claims triage?</legend>")
                .contains("<legend>Anything to add? (optional)</legend>")
                .contains("name=\"question\" value=\"blockers-comment\"").contains("<textarea");
    }
}
