package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.uptake.platform.Platform;
import io.uptake.delivery.Envelope;
import io.uptake.delivery.SendResult;
import io.uptake.message.BoardSummary;
import io.uptake.message.DigestChart;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A digest chart reaches its channel through Slack's external upload flow. */
class SlackChartUploadTest {

    static final String TOKEN = "xoxb-test-token";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    static final DigestChart CHART = new DigestChart("Weekly adoption digest · 2026-W47", "2026-W47", "tok");

    final FakeSlackApi api = FakeSlackApi.start();
    final Slack slack = Slack.getInstance(config());
    final SlackGateway gateway = new SlackGateway(slack.methods(), team -> Optional.of(TOKEN),
            new SlackChartUpload(slack.methods(), token -> "tok".equals(token) ? Optional.of(PNG) : Optional.empty()));

    SlackConfig config() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.url());
        return config;
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        api.close();
    }

    Envelope envelope(DigestChart chart) {
        return new Envelope(1, Platform.SLACK, "T1", "C0LEADERS", chart, Optional.empty());
    }

    @Test
    void theChartIsUploadedAndSharedIntoTheChannel() throws Exception {
        SendResult result = gateway.send(envelope(CHART));

        FakeSlackApi.Call asked = api.calls("files.getUploadURLExternal").get(0);
        assertThat(asked.token()).isEqualTo(TOKEN);
        assertThat(asked.params()).containsEntry("filename", "uptake-digest-2026-W47.png")
                .containsEntry("length", String.valueOf(PNG.length));
        String fileId = api.uploaded().keySet().iterator().next();
        assertThat(api.uploaded().get(fileId)).isEqualTo(PNG);
        FakeSlackApi.Call completed = api.calls("files.completeUploadExternal").get(0);
        assertThat(completed.params()).containsEntry("channel_id", "C0LEADERS");
        assertThat(new ObjectMapper().readTree(completed.params().get("files")).get(0).get("id").asText())
                .isEqualTo(fileId);
        assertThat(result).isEqualTo(new SendResult.Sent("C0LEADERS|" + fileId));
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aBoardSummaryOpensTheDirectMessageAndIsUploadedIntoItWithTheSummaryAsComment() {
        BoardSummary board = new BoardSummary("ops", "Board summary: Operations AI, 2026-Q4",
                java.util.List.of("Verdict at the quarter's end: EMERGING."), "2026-Q4", "tok", null,
                "board-summary-ops-2026-Q4.png");

        SendResult result = gateway.send(new Envelope(1, Platform.SLACK, "T1", "UOWNER", board, Optional.empty()));

        assertThat(api.calls("conversations.open").get(0).params().get("users")).isEqualTo("UOWNER");
        assertThat(api.calls("files.getUploadURLExternal").get(0).params())
                .containsEntry("filename", "board-summary-ops-2026-Q4.png");
        FakeSlackApi.Call completed = api.calls("files.completeUploadExternal").get(0);
        assertThat(completed.params()).containsEntry("channel_id", "DOWNER").containsEntry("initial_comment",
                "Board summary: Operations AI, 2026-Q4\nVerdict at the quarter's end: EMERGING.");
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(api.refusals()).isEmpty();
    }

    @Test
    void aDirectMessageSlackWillNotOpenIsASlackResult() {
        api.answer("conversations.open", 200, "{\"ok\":false,\"error\":\"user_not_found\"}", Map.of());
        BoardSummary board = new BoardSummary("ops", "Board summary", java.util.List.of(), "2026-Q4", "tok", null,
                "f.png");

        SendResult result = gateway.send(new Envelope(1, Platform.SLACK, "T1", "UGONE", board, Optional.empty()));

        assertThat(result).isNotInstanceOf(SendResult.Sent.class);
        assertThat(api.calls("files.getUploadURLExternal")).isEmpty();
    }

    @Test
    void aRefusedUploadIsASlackResultNotAnException() {
        api.answer("files.getUploadURLExternal", 200, "{\"ok\":false,\"error\":\"invalid_auth\"}", Map.of());

        SendResult result = gateway.send(envelope(CHART));

        assertThat(result).isInstanceOf(SendResult.Failed.class);
        assertThat(api.uploaded()).isEmpty();
        assertThat(api.calls("files.completeUploadExternal")).isEmpty();
    }

    @Test
    void aChannelWithoutTheBotRejectsTheShare() {
        api.answer("files.completeUploadExternal", 200, "{\"ok\":false,\"error\":\"not_in_channel\"}", Map.of());

        SendResult result = gateway.send(envelope(CHART));

        assertThat(result).isInstanceOf(SendResult.Rejected.class);
        assertThat(((SendResult.Rejected) result).recipientGone()).isFalse();
    }

    @Test
    void aChartNoLongerStoredIsRejectedWithoutCallingSlack() {
        SendResult result = gateway.send(envelope(new DigestChart("t", "2026-W47", "gone")));

        assertThat(result).isEqualTo(new SendResult.Rejected("the chart image is no longer stored", false));
        assertThat(api.calls("files.getUploadURLExternal")).isEmpty();
    }

    @Test
    void aRefusalAtTheFirstStepNamesThatStep() {
        api.answer("files.getUploadURLExternal", 200, "{\"ok\":false,\"error\":\"invalid_auth\"}", Map.of());

        assertThat(reason(gateway.send(envelope(CHART)))).startsWith("files.getUploadURLExternal: ")
                .contains("invalid_auth").doesNotContain("completeUploadExternal");
    }

    @Test
    void anUnreadableAnswerAtTheFirstStepNamesThatStepWithoutAJavaException() {
        api.answer("files.getUploadURLExternal", 200, "this is not JSON", Map.of());

        assertThat(reason(gateway.send(envelope(CHART))))
                .isEqualTo("files.getUploadURLExternal: answered something unreadable");
    }

    @Test
    void aFailedUploadOfTheBytesNamesTheUpload() {
        api.answer("files.getUploadURLExternal", 200, "{\"ok\":true,\"file_id\":\"F1\",\"upload_url\":\""
                + api.url().replace("/api/", "/no-such-address/") + "F1\"}", Map.of());

        String reason = reason(gateway.send(envelope(CHART)));

        assertThat(reason).startsWith("upload to the address Slack gave: the upload address answered HTTP 404");
        assertThat(api.calls("files.completeUploadExternal")).isEmpty();
    }

    @Test
    void aRefusedShareNamesTheLastStep() {
        api.answer("files.completeUploadExternal", 200, "{\"ok\":false,\"error\":\"not_in_channel\"}", Map.of());

        assertThat(reason(gateway.send(envelope(CHART)))).startsWith("files.completeUploadExternal: ")
                .contains("not_in_channel");
    }

    private static String reason(SendResult result) {
        if (result instanceof SendResult.Failed failed) {
            return failed.reason();
        }
        if (result instanceof SendResult.Rejected rejected) {
            return rejected.reason();
        }
        throw new AssertionError("not a failure: " + result);
    }
}
