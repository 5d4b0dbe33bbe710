package io.uptake.pulse;

import io.uptake.catalog.ChannelRef.Platform;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.delivery.MessageAddress;
import io.uptake.message.ChatMessage;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Queues edits of a person's pulse message: to show their answers, and to show that the round closed. */
@Singleton
class MessageEdits {

    private final Outbox outbox;
    private final Clock clock;

    MessageEdits(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The pulse messages some people were sent in a round, by person, for {@link #showAnswers}. */
    Map<Long, MessageAddress> originals(long roundId, List<Long> personIds) {
        Map<String, Long> people = new HashMap<>();
        personIds.forEach(personId -> people.put(OpenRoundKeys.question(roundId, personId), personId));
        Map<Long, MessageAddress> originals = new HashMap<>();
        outbox.addresses(List.copyOf(people.keySet())).forEach((key, row) -> originals.put(people.get(key), row));
        return originals;
    }

    /** Shows a person's answers in the message they were sent ({@code original}), if it is known. */
    void showAnswers(DeliveryRow delivery, PulseCard card, Optional<MessageAddress> original) {
        PulseAnswered message = new PulseAnswered(card);
        // The card's content identifies the edit: the same answers twice queue one edit, new answers a new one.
        original.ifPresent(o -> edit(o, delivery, message, "answered", Integer.toHexString(message.hashCode())));
    }

    void showClosed(RoundRow round, DeliveryRow delivery, PulseCard card) {
        outbox.find(OpenRoundKeys.question(round.id(), delivery.personId())).ifPresent(original ->
                edit(original.address(), delivery, new PulseClosed(card, delivery.answered()), "closed", ""));
    }

    private void edit(MessageAddress o, DeliveryRow delivery, ChatMessage message, String what, String version) {
        outbox.enqueue(new NewMessage(what + ":" + o.id() + (version.isEmpty() ? "" : ":" + version),
                Platform.valueOf(o.platform().toUpperCase(Locale.ROOT)), o.tenantId(), o.recipient(),
                delivery.personId(), message, clock.instant(), null, o.id(), delivery.id()));
    }
}
