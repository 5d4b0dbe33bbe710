package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.CatalogLookup;
import io.uptake.delivery.Dispatcher;
import io.uptake.digest.DigestWorld;
import io.uptake.digest.SendDigest;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A Slack digest speaks of its chart only in the message that carries it, so a failed upload leaves no promise. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackDigestChartTest implements TestPropertyProvider {

    final FakeSlackApi slackApi = FakeSlackApi.start();

    @Inject
    SendDigest sendDigest;
    @Inject
    CatalogLookup catalog;
    @Inject
    Dispatcher dispatcher;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(slackApi.singleWorkspace("T0DIGEST", "xoxb-digest",
                Map.of()));
        DigestWorld.properties().forEach((k, v) -> properties.put(k, v.toString()));
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slackApi.close();
    }

    @Test
    void aDigestWhoseChartUploadFailsSaysNothingOfAChart() {
        slackApi.answer("files.getUploadURLExternal", 200, "{\"ok\":false,\"error\":\"not_allowed_token_type\"}",
                Map.of());
        int from = slackApi.count();
        clock.set(Instant.parse("2026-11-23T13:00:00Z"));

        assertThat(sendDigest.send(DigestWorld.subscription(catalog, DigestWorld.SLACK_CHANNEL)))
                .isInstanceOf(SendDigest.Result.Sent.class);
        dispatcher.dispatchDue();

        assertThat(slackApi.since(from)).filteredOn(c -> c.method().equals("files.getUploadURLExternal"))
                .hasSize(1);
        assertThat(slackApi.since(from)).filteredOn(c -> c.method().equals("files.completeUploadExternal"))
                .isEmpty();
        assertThat(slackApi.since(from)).filteredOn(c -> c.method().equals("chat.postMessage")).singleElement()
                .satisfies(post -> {
                    assertThat(post.params().get("blocks")).contains("Weekly adoption digest · 2026-W47")
                            .doesNotContainIgnoringCase("chart");
                    assertThat(post.params().get("text")).doesNotContainIgnoringCase("chart");
                });
    }

    @Test
    void aChartThatArrivesSaysWhatItIsInItsOwnMessage() {
        int from = slackApi.count();
        clock.set(Instant.parse("2026-11-30T13:00:00Z"));

        assertThat(sendDigest.send(DigestWorld.subscription(catalog, DigestWorld.SLACK_CHANNEL)))
                .isInstanceOf(SendDigest.Result.Sent.class);
        dispatcher.dispatchDue();

        assertThat(slackApi.since(from)).filteredOn(c -> c.method().equals("files.completeUploadExternal"))
                .singleElement().satisfies(share -> assertThat(share.params().get("initial_comment"))
                        .isEqualTo("Chart of the weekly adoption digest · 2026-W48: weekly active use (WAU %) and "
                                + "trust index of each workflow over the last 12 weeks."));
    }
}
