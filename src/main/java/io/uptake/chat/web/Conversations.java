package io.uptake.chat.web;

import io.micronaut.context.annotation.Requires;
import io.uptake.message.MessageCodec;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.util.List;

/** Reads a simulated conversation back as the messages the page shows. */
@Singleton
@Requires(property = "uptake.demo", value = "true")
class Conversations {

    /** The page shows the newest messages; a year of pulses to one person is about thirty. */
    static final int SHOWN = 60;

    private final Transcripts transcripts;
    private final MessageCodec codec;

    Conversations(Transcripts transcripts, MessageCodec codec) {
        this.transcripts = transcripts;
        this.codec = codec;
    }

    List<Shown> with(Platform platform, String recipient) {
        return transcripts.of(platform, WebTenants.of(platform), recipient, SHOWN).stream()
                .map(e -> e.conversational() ? new Shown(e, null, e.payload())
                        : new Shown(e, codec.read(e.kind(), e.payload()), null))
                .toList();
    }
}
