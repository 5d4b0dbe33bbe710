package io.uptake.message;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes messages to JSON for the outbox and reads them back by their kind. */
@Singleton
public class MessageCodec {

    private static final Map<String, Class<? extends ChatMessage>> KINDS = Map.ofEntries(
            Map.entry(PulseQuestion.KIND, PulseQuestion.class),
            Map.entry(PulseReminder.KIND, PulseReminder.class),
            Map.entry(PulseAnswered.KIND, PulseAnswered.class),
            Map.entry(PulseClosed.KIND, PulseClosed.class),
            Map.entry(DigestMessage.KIND, DigestMessage.class),
            Map.entry(DigestChart.KIND, DigestChart.class),
            Map.entry(CheckinRequest.KIND, CheckinRequest.class),
            Map.entry(CheckinEscalation.KIND, CheckinEscalation.class),
            Map.entry(CheckinSaved.KIND, CheckinSaved.class),
            Map.entry(OutcomeGapAlert.KIND, OutcomeGapAlert.class),
            Map.entry(PlayNudge.KIND, PlayNudge.class),
            Map.entry(OwnerAlert.KIND, OwnerAlert.class),
            Map.entry(MyData.KIND, MyData.class),
            Map.entry(ForgetMeConfirm.KIND, ForgetMeConfirm.class),
            Map.entry(CommentsShared.KIND, CommentsShared.class),
            Map.entry(BoardSummary.KIND, BoardSummary.class),
            Map.entry(EarlyWarning.KIND, EarlyWarning.class));

    private final ObjectMapper json;

    MessageCodec(ObjectMapper json) {
        this.json = json;
    }

    public String write(ChatMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a " + message.kind() + " message", e);
        }
    }

    public ChatMessage read(String kind, String payload) {
        Class<? extends ChatMessage> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("unknown message kind '" + kind + "'");
        }
        try {
            return json.readValue(payload, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a " + kind + " message", e);
        }
    }
}
