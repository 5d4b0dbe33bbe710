package io.uptake.pulse;

import io.micronaut.runtime.event.annotation.EventListener;
import io.uptake.delivery.MessageSent;
import io.uptake.message.PulseQuestion;
import jakarta.inject.Singleton;

/** Notes when a person's pulse question reached them; reminders count from then. */
@Singleton
class RecordDeliverySent {

    private final PulseRepositories.Deliveries deliveries;

    RecordDeliverySent(PulseRepositories.Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @EventListener
    void onSent(MessageSent event) {
        if (!PulseQuestion.KIND.equals(event.kind()) || event.subjectId() == null) {
            return;
        }
        deliveries.findById(event.subjectId()).filter(d -> d.sentAt() == null)
                .ifPresent(d -> deliveries.update(d.withSentAt(event.sentAt())));
    }
}
