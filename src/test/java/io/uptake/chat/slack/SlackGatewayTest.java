package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.uptake.platform.Platform;
import io.uptake.delivery.Envelope;
import io.uptake.delivery.SendResult;
import io.uptake.message.ChatMessage;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseQuestion;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackGatewayTest {

    static final String TOKEN = "xoxb-test-token";
    static final String POST = "chat.postMessage";
    static final String UPDATE = "chat.update";
    static final ObjectMapper JSON = new ObjectMapper();

    final FakeSlackApi api = FakeSlackApi.start();
    final Slack slack = Slack.getInstance(config(api.url()));
    final SlackGateway gateway = new SlackGateway(slack.methods(),
            team -> "T1".equals(team) ? Optional.of(TOKEN) : Optional.empty(),
            new SlackChartUpload(slack.methods(), token -> Optional.empty()));
    final ChatMessage question = new PulseQuestion(TestCards.card(TestCards.usage(), TestCards.comment()));

    @AfterEach
    void stop() throws Exception {
        slack.close();
        api.close();
    }

    @Test
    void aNewMessageIsPostedToTheRecipientWithTheRenderedBlocksAndTheWorkspaceToken() throws Exception {
        SendResult result = gateway.send(post("U123", question));

        assertThat(result).isEqualTo(new SendResult.Sent("D123|1700000000.000100"));
        FakeSlackApi.Call call = api.calls(POST).get(0);
        assertThat(call.token()).isEqualTo(TOKEN);
        assertThat(call.params()).containsEntry("channel", "U123")
                .containsEntry("text", BlockKit.render(question).text());
        assertThat(JSON.readTree(call.params().get("blocks"))).isEqualTo(BlockKit.render(question).blocks());
    }

    @Test
    void anEditUsesTheChannelAndTsFromTheReferenceNotTheUserId() throws Exception {
        ChatMessage answered = new PulseAnswered(TestCards.card(TestCards.usage().choose("1")));

        SendResult result = gateway.send(update("U123", "D123|1700000000.000100", answered));

        assertThat(result).isEqualTo(new SendResult.Sent("D123|1700000000.000100"));
        assertThat(api.calls(POST)).isEmpty();
        FakeSlackApi.Call call = api.calls(UPDATE).get(0);
        assertThat(call.token()).isEqualTo(TOKEN);
        assertThat(call.params()).containsEntry("channel", "D123").containsEntry("ts", "1700000000.000100");
        assertThat(JSON.readTree(call.params().get("blocks"))).isEqualTo(BlockKit.render(answered).blocks());
    }

    @Test
    void aPostThenItsEditReachTheSameMessage() {
        SendResult.Sent sent = (SendResult.Sent) gateway.send(post("W777", question));

        gateway.send(update("W777", sent.messageRef(), question));

        assertThat(api.calls(UPDATE).get(0).params()).containsEntry("channel", "D777");
    }

    @Test
    void aChannelMessageKeepsTheChannelId() {
        assertThat(gateway.send(post("C0LEADERS", question)))
                .isEqualTo(new SendResult.Sent("C0LEADERS|1700000000.000100"));
    }

    @Test
    void aWorkspaceWithoutTokenIsRejectedWithoutCallingSlack() {
        SendResult result = gateway.send(new Envelope(1, Platform.SLACK, "T-unknown", "U123", question,
                Optional.empty()));

        assertThat(result).isEqualTo(new SendResult.Rejected("no token for workspace", false));
        assertThat(api.calls(POST)).isEmpty();
    }

    @Test
    void anUnreadableReferenceIsRejectedWithoutCallingSlack() {
        assertThat(gateway.send(update("U123", "1700000000.000100", question)))
                .isEqualTo(new SendResult.Rejected("unreadable Slack message reference", false));
        assertThat(api.calls(UPDATE)).isEmpty();
    }

    @Test
    void http429WaitsForRetryAfter() {
        api.answer(POST, 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "30"));

        assertThat(gateway.send(post("U123", question))).isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(30)));
    }

    @Test
    void http429WithoutRetryAfterWaitsOneSecond() {
        api.answer(UPDATE, 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of());

        assertThat(gateway.send(update("U123", "D123|1.2", question)))
                .isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(1)));
    }

    @Test
    void ratelimitedInAnOkResponseIsAlsoThrottling() {
        api.answer(POST, 200, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "7"));

        assertThat(gateway.send(post("U123", question))).isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(7)));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetried(int status) {
        api.answer(POST, status, "<html>upstream error</html>", Map.of());

        assertThat(gateway.send(post("U123", question))).isEqualTo(new SendResult.Failed("HTTP " + status));
    }

    @Test
    void anHttpErrorCarryingASlackErrorCodeIsMappedByTheCode() {
        api.answer(POST, 400, "{\"ok\":false,\"error\":\"invalid_arguments\"}", Map.of());

        assertThat(gateway.send(post("U123", question)))
                .isEqualTo(new SendResult.Rejected("invalid_arguments", false));
    }

    @Test
    void anHttpErrorWithoutASlackErrorCodeIsRetried() {
        api.answer(POST, 404, "<html>not here</html>", Map.of());

        assertThat(gateway.send(post("U123", question))).isEqualTo(new SendResult.Failed("HTTP 404"));
    }

    @Test
    void anUnreachableApiIsRetried() {
        api.close();

        assertThat(gateway.send(post("U123", question))).isInstanceOf(SendResult.Failed.class);
    }

    @Test
    void anUnreadableAnswerIsRetried() {
        api.answer(POST, 200, "this is not json", Map.of());

        assertThat(gateway.send(post("U123", question))).isInstanceOf(SendResult.Failed.class);
    }

    @Test
    void anEmptyAnswerIsRetried() {
        api.answer(POST, 200, "", Map.of());

        assertThat(gateway.send(post("U123", question))).isInstanceOf(SendResult.Failed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_not_found", "user_disabled", "cannot_dm_bot", "channel_not_found", "is_archived",
        "not_in_channel"})
    void aPersonSlackCannotReachIsGone(String error) {
        api.answer(POST, 200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of());

        assertThat(gateway.send(post("U123", question))).isEqualTo(new SendResult.Rejected(error, true));
    }

    @Test
    void anArchivedDirectMessageOnEditIsGone() {
        api.answer(UPDATE, 200, "{\"ok\":false,\"error\":\"is_archived\"}", Map.of());

        assertThat(gateway.send(update("U123", "D123|1.2", question)))
                .isEqualTo(new SendResult.Rejected("is_archived", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel_not_found", "not_in_channel", "is_archived"})
    void aChannelTheBotCannotPostToIsASettingNotAGonePerson(String error) {
        api.answer(POST, 200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of());

        assertThat(gateway.send(post("C0LEADERS", question))).isEqualTo(new SendResult.Rejected(error, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive",
        "missing_scope", "not_allowed_token_type", "team_access_not_granted"})
    void tokenAndAppProblemsAreRetriedAndNeverBlameThePerson(String error) {
        api.answer(POST, 200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of());

        SendResult result = gateway.send(post("U123", question));

        assertThat(result).isInstanceOf(SendResult.Failed.class);
        assertThat(((SendResult.Failed) result).reason()).startsWith(error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"msg_too_long", "invalid_blocks", "no_text", "message_not_found", "cant_update_message"})
    void aMessageSlackWillNeverTakeIsRejected(String error) {
        api.answer(POST, 200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of());

        assertThat(gateway.send(post("U123", question))).isEqualTo(new SendResult.Rejected(error, false));
    }

    @Test
    void anErrorCodeThatIsNotKnownIsRetried() {
        api.answer(POST, 200, "{\"ok\":false,\"error\":\"something_new\"}", Map.of());

        assertThat(gateway.send(post("U123", question))).isEqualTo(new SendResult.Failed("something_new"));
    }

    @Test
    void theGatewayIsTheSlackOne() {
        assertThat(gateway.platform()).isEqualTo(Platform.SLACK);
    }

    static Envelope post(String recipient, ChatMessage message) {
        return new Envelope(1, Platform.SLACK, "T1", recipient, message, Optional.empty());
    }

    static Envelope update(String recipient, String ref, ChatMessage message) {
        return new Envelope(2, Platform.SLACK, "T1", recipient, message, Optional.of(ref));
    }

    static SlackConfig config(String url) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(url);
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        return config;
    }
}
