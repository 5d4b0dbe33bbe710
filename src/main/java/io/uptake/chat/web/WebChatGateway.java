package io.uptake.chat.web;

import io.uptake.delivery.ChatGateway;
import io.uptake.delivery.Envelope;
import io.uptake.delivery.SendResult;
import io.uptake.message.MessageCodec;
import io.uptake.platform.Platform;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where the outbox sends in demo mode, for one platform: each message is kept in the simulated conversation, and
 * an edit replaces the message it names, as Slack's {@code chat.update} and Teams' activity update do.
 */
final class WebChatGateway implements ChatGateway {

    private final Platform platform;
    private final Transcripts transcripts;
    private final MessageCodec codec;
    private final Clock clock;

    WebChatGateway(Platform platform, Transcripts transcripts, MessageCodec codec, Clock clock) {
        this.platform = platform;
        this.transcripts = transcripts;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public SendResult send(Envelope envelope) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String payload = codec.write(envelope.message());
        if (envelope.isUpdate()) {
            return transcripts.edit(envelope.updateRef().orElseThrow(), envelope.message().kind(), payload, now)
                    ? new SendResult.Sent(envelope.updateRef().orElseThrow())
                    : new SendResult.Rejected("no simulated message " + envelope.updateRef().orElseThrow(), false);
        }
        return new SendResult.Sent(transcripts.add(platform, envelope.tenantId(), envelope.recipient(),
                envelope.message().kind(), payload, now));
    }
}
