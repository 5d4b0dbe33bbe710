package io.uptake.checkin;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CheckinLookup;
import io.uptake.catalog.CheckinLookup.Accountable;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.CheckinRequest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reminds owners of check-ins they have not logged, at the delays the policy gives after the cycle opened
 * (default 2 and 5 days), never in their quiet hours or weekend, never once they opted out or paused, and not
 * once the check-in is due for escalation. After downtime, several due reminders become one.
 */
@Singleton
public class SendCheckinReminders {

    private final CheckinLookup catalog;
    private final CheckinRepositories.Cycles cycles;
    private final CheckinForms forms;
    private final Reach reach;
    private final Outbox outbox;
    private final Clock clock;

    SendCheckinReminders(CheckinLookup catalog, CheckinRepositories.Cycles cycles, CheckinForms forms, Reach reach,
                         Outbox outbox, Clock clock) {
        this.catalog = catalog;
        this.cycles = cycles;
        this.forms = forms;
        this.reach = reach;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues the reminders due now; returns how many. */
    @Transactional
    public int run() {
        Instant now = CheckinRepositories.millis(clock.instant());
        CheckinPolicy policy = catalog.policy();
        int queued = 0;
        for (CheckinCycleRow cycle : cycles.findWaiting()) {
            int due = (int) policy.remind().stream().filter(d -> !now.isBefore(cycle.openedAt().plus(d))).count();
            if (due <= cycle.remindersSent() || !now.isBefore(cycle.openedAt().plus(policy.escalateAfter()))) {
                continue;
            }
            Optional<Accountable> accountable = catalog.accountable(cycle.workflowId())
                    .filter(a -> a.workflow().retiredAt() == null);
            Optional<Reach.Target> owner = accountable.flatMap(a -> reach.of(a.workflow().ownerPersonId(), now));
            if (owner.isEmpty() || !reach.allowedAt(owner.get(), now)) {
                continue;
            }
            Reach.Target target = owner.get();
            outbox.enqueue(new NewMessage(key(cycle.id(), due), target.platform(), target.identity().tenantId(),
                    target.identity().directAddress(), target.person().id(),
                    new CheckinRequest(forms.form(accountable.get(), cycle.period()), due), now,
                    cycle.openedAt().plus(policy.escalateAfter()), null, cycle.id()));
            cycles.update(cycle.withReminders(due));
            queued++;
        }
        return queued;
    }

    static String key(long cycleId, int number) {
        return "checkin:" + cycleId + ":reminder:" + number;
    }
}
