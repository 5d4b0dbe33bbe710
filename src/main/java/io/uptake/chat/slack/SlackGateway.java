package io.uptake.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiErrorResponse;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.micronaut.context.annotation.Requires;
import io.uptake.platform.Platform;
import io.uptake.delivery.ChatGateway;
import io.uptake.delivery.Envelope;
import io.uptake.delivery.SendResult;
import io.uptake.message.BoardSummary;
import io.uptake.message.DigestChart;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts and edits messages, and uploads digest charts, through the Slack Web API with each workspace's bot token.
 *
 * <p>A new message goes to the envelope's recipient with {@code chat.postMessage}; a user id there opens the
 * direct message itself. The reference returned is {@code channel|ts} ({@link SlackMessageRef}) so that the edit
 * can name the DM channel. What Slack answers becomes a {@link SendResult} as {@link SlackOutcomes} describes.
 * Logs carry the outbox id, workspace and Slack's error code; never a token or any text of the message.
 *
 * <p>{@code chat.postMessage} has no idempotency key: a timeout after Slack took the message comes back as
 * {@code Failed}, and the retry posts a second copy. That is preferred to losing the message.
 */
@Singleton
@Requires(bean = SlackTokens.class)
public class SlackGateway implements ChatGateway {

    private static final Logger LOG = LoggerFactory.getLogger(SlackGateway.class);

    private final MethodsClient methods;
    private final SlackTokens tokens;
    private final SlackChartUpload charts;

    SlackGateway(MethodsClient methods, SlackTokens tokens, SlackChartUpload charts) {
        this.methods = methods;
        this.tokens = tokens;
        this.charts = charts;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public SendResult send(Envelope envelope) {
        Optional<String> token = tokens.botToken(envelope.tenantId());
        if (token.isEmpty()) {
            return new SendResult.Rejected("no token for workspace", false);
        }
        if (envelope.message() instanceof DigestChart chart) {
            return charts.upload(token.get(), envelope.recipient(), chart, r -> notOk(r, envelope.recipient()));
        }
        if (envelope.message() instanceof BoardSummary board) {
            return charts.upload(token.get(), envelope.recipient(), board, r -> notOk(r, envelope.recipient()));
        }
        SlackMessage message = BlockKit.render(envelope.message());
        if (envelope.updateRef().isEmpty()) {
            return call(envelope, "chat.postMessage", envelope.recipient(), () -> post(token.get(), envelope, message));
        }
        Optional<SlackMessageRef> ref = SlackMessageRef.parse(envelope.updateRef().get());
        if (ref.isEmpty()) {
            return new SendResult.Rejected("unreadable Slack message reference", false);
        }
        return call(envelope, "chat.update", ref.get().channel(), () -> update(token.get(), ref.get(), message));
    }

    private SendResult post(String token, Envelope envelope, SlackMessage message)
            throws IOException, SlackApiException {
        var response = methods.chatPostMessage(r -> r.token(token).channel(envelope.recipient())
                .text(message.text()).blocksAsString(message.blocksJson()));
        if (!response.isOk()) {
            return notOk(response, envelope.recipient());
        }
        String channel = response.getChannel() == null ? envelope.recipient() : response.getChannel();
        return new SendResult.Sent(new SlackMessageRef(channel, response.getTs()).encode());
    }

    private SendResult update(String token, SlackMessageRef ref, SlackMessage message)
            throws IOException, SlackApiException {
        var response = methods.chatUpdate(r -> r.token(token).channel(ref.channel()).ts(ref.ts())
                .text(message.text()).blocksAsString(message.blocksJson()));
        return response.isOk() ? new SendResult.Sent(ref.encode()) : notOk(response, ref.channel());
    }

    private static SendResult notOk(SlackApiTextResponse response, String conversation) {
        Map<String, List<String>> headers = response.getHttpResponseHeaders();
        List<String> retryAfter = headers == null ? null : headers.get("retry-after");
        return SlackOutcomes.ofError(response.getError(), retryAfter == null || retryAfter.isEmpty() ? null
                : retryAfter.get(0), SlackOutcomes.isPerson(conversation));
    }

    private SendResult call(Envelope envelope, String method, String conversation, Call call) {
        SendResult result;
        try {
            result = call.run();
        } catch (SlackApiException e) {
            SlackApiErrorResponse body = e.getError();
            result = SlackOutcomes.ofHttpStatus(e.getResponse().code(), body == null ? null : body.getError(),
                    e.getResponse().header("Retry-After"), SlackOutcomes.isPerson(conversation));
        } catch (IOException e) {
            result = new SendResult.Failed(e.getClass().getSimpleName() + " calling " + method);
        } catch (RuntimeException e) {
            // The SDK reads a malformed 200 body with a Gson exception, and an empty one with a
            // NullPointerException: both are Slack (or a proxy) answering nonsense, worth a retry.
            LOG.warn("Slack {} for outbox message {} (team {}) answered something unreadable", method,
                    envelope.outboxId(), envelope.tenantId(), e);
            result = new SendResult.Failed("unreadable answer to " + method);
        }
        if (!(result instanceof SendResult.Sent)) {
            LOG.debug("Slack {} for outbox message {} (team {}): {}", method, envelope.outboxId(),
                    envelope.tenantId(), result);
        }
        return result;
    }

    /** One Web API call, so that both methods share the mapping of what can go wrong. */
    @FunctionalInterface
    private interface Call {
        SendResult run() throws IOException, SlackApiException;
    }
}
