package io.uptake.pulse;

import io.uptake.catalog.ChannelRef.Platform;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.delivery.OutboxRow;
import io.uptake.message.ChatMessage;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
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

    void showAnswers(RoundRow round, DeliveryRow delivery, PulseCard card) {
        PulseAnswered message = new PulseAnswered(card);
        // The card's content identifies the edit: the same answers twice queue one edit, new answers a new one.
        edit(round, delivery, message, "answered", Integer.toHexString(message.hashCode()));
    }

    void showClosed(RoundRow round, DeliveryRow delivery, PulseCard card) {
        edit(round, delivery, new PulseClosed(card, delivery.answered()), "closed", "");
    }

    private void edit(RoundRow round, DeliveryRow delivery, ChatMessage message, String what, String version) {
        Optional<OutboxRow> original = outbox.find(OpenRoundKeys.question(round.id(), delivery.personId()));
        if (original.isEmpty()) {
            return;
        }
        OutboxRow o = original.get();
        outbox.enqueue(new NewMessage(what + ":" + o.id() + (version.isEmpty() ? "" : ":" + version),
                Platform.valueOf(o.platform().toUpperCase(Locale.ROOT)), o.tenantId(), o.recipient(),
                delivery.personId(), message, clock.instant(), null, o.id(), delivery.id()));
    }
}
