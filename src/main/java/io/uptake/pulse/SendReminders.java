package io.uptake.pulse;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.PulseRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.delivery.OutboxRow;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseReminder;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.people.Reachability;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Reminds people who have not answered an open round, at most as often as the pulse allows, never in their
 * quiet hours or weekend.
 */
@Singleton
public class SendReminders {

    private final PulseRepositories.Rounds rounds;
    private final PulseRepositories.Deliveries deliveries;
    private final CatalogLookup catalog;
    private final PersonRepository people;
    private final Outbox outbox;
    private final Recipients recipients;
    private final SendTimes sendTimes;
    private final Clock clock;
    private final CommentNotice notice;

    SendReminders(PulseRepositories.Rounds rounds, PulseRepositories.Deliveries deliveries, CatalogLookup catalog,
                  PersonRepository people, Outbox outbox, Recipients recipients, PulseSettings settings,
                  Clock clock, CommentNotice notice) {
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.people = people;
        this.outbox = outbox;
        this.recipients = recipients;
        this.sendTimes = new SendTimes(settings);
        this.clock = clock;
        this.notice = notice;
    }

    /** Queues the reminders that are due now; returns how many. */
    @Transactional
    public int run() {
        Instant now = PulseRepositories.millis(clock.instant());
        int queued = 0;
        for (RoundRow round : rounds.findUnclosed()) {
            Optional<PulseRow> pulse = catalog.pulse(round.pulseId());
            if (pulse.isEmpty() || pulse.get().reminders() == 0 || !round.openAt(now)) {
                continue;
            }
            WorkflowRow workflow = catalog.workflow(pulse.get().workflowId()).orElseThrow();
            PulseCard card = notice.onto(PulseCards.blank(round, pulse.get(), workflow), workflow);
            Duration every = Duration.ofMinutes(pulse.get().remindAfterMinutes());
            for (DeliveryRow delivery : deliveries.findRemindable(round.id(), pulse.get().reminders())) {
                Instant dueAt = delivery.sentAt().plus(every.multipliedBy(delivery.remindersSent() + 1L));
                if (now.isBefore(dueAt) || !allowedNow(delivery.personId(), pulse.get(), now)) {
                    continue;
                }
                if (remind(round, delivery, card)) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private boolean remind(RoundRow round, DeliveryRow delivery, PulseCard card) {
        Optional<OutboxRow> question = outbox.find(OpenRoundKeys.question(round.id(), delivery.personId()));
        if (question.isEmpty()) {
            return false;
        }
        int number = delivery.remindersSent() + 1;
        OutboxRow q = question.get();
        outbox.enqueue(new NewMessage(OpenRoundKeys.reminder(round.id(), delivery.personId(), number),
                q.platform(), q.tenantId(), q.recipient(),
                delivery.personId(), new PulseReminder(card, number), clock.instant(), round.closesAt(), null,
                delivery.id()));
        deliveries.update(delivery.withReminder());
        return true;
    }

    private boolean allowedNow(long personId, PulseRow pulse, Instant now) {
        Optional<PersonRow> person = people.findById(personId);
        if (person.isEmpty() || !Reachability.askable(person.get(), now)) {
            return false;
        }
        return sendTimes.allowedAt(now, recipients.zone(person.get(),
                Optional.ofNullable(pulse.scheduleZone()).map(ZoneId::of)));
    }
}
