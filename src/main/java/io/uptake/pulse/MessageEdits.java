package io.uptake.pulse;

import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.delivery.MessageAddress;
import io.uptake.delivery.OutboxRow;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
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

    /**
     * Shows a person's answers in the message they were sent ({@code original}), if it is known. Each click queues
     * a numbered edit; the dispatcher sends only the newest, so quick clicks end with every answer shown.
     */
    void showAnswers(DeliveryRow delivery, PulseCard card, Optional<MessageAddress> original) {
        original.ifPresent(o -> outbox.enqueueEdit("answered", o, delivery.personId(), new PulseAnswered(card),
                delivery.id()));
    }

    /** Shows that the round closed; queued once per message, and after any answer edit, so it is the last state. */
    void showClosed(RoundRow round, DeliveryRow delivery, PulseCard card) {
        outbox.find(OpenRoundKeys.question(round.id(), delivery.personId())).map(OutboxRow::address)
                .ifPresent(o -> outbox.enqueue(new NewMessage("closed:" + o.id(),
                        o.platform(), o.tenantId(), o.recipient(),
                        delivery.personId(), new PulseClosed(card, delivery.answered()), clock.instant(), null,
                        o.id(), delivery.id())));
    }
}
