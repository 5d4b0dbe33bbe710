package io.uptake.checkin;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CheckinLookup;
import io.uptake.catalog.CheckinLookup.Subject;
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
    private final CheckinCycles cycles;
    private final CheckinForms forms;
    private final Reach reach;
    private final Outbox outbox;
    private final Clock clock;

    SendCheckinReminders(CheckinLookup catalog, CheckinCycles cycles, CheckinForms forms, Reach reach,
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
        for (CheckinCycles.Cycle cycle : cycles.waiting()) {
            int due = (int) policy.remind().stream().filter(d -> !now.isBefore(cycle.openedAt().plus(d))).count();
            if (due <= cycle.remindersSent() || !now.isBefore(cycle.openedAt().plus(policy.escalateAfter()))) {
                continue;
            }
            Optional<Subject> subject = catalog.subject(cycle.subject()).filter(a -> !a.retired());
            Optional<Reach.Target> owner = subject.flatMap(a -> reach.of(a.ownerPersonId(), now));
            if (owner.isEmpty() || !reach.allowedAt(owner.get(), now)) {
                continue;
            }
            Reach.Target target = owner.get();
            outbox.enqueue(new NewMessage(key(cycle, due), target.platform(), target.identity().tenantId(),
                    target.identity().directAddress(), target.person().id(),
                    new CheckinRequest(forms.form(subject.get(), cycle.period()), due), now,
                    cycle.openedAt().plus(policy.escalateAfter()), null, cycle.id()));
            cycles.update(CheckinCycles.withReminders(cycle, due));
            queued++;
        }
        return queued;
    }

    static String key(long workflowCycleId, int number) {
        return "checkin:" + workflowCycleId + ":reminder:" + number;
    }

    static String key(CheckinCycles.Cycle cycle, int number) {
        return "checkin:" + cycle.ref() + ":reminder:" + number;
    }
}
