package io.uptake.checkin;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CheckinLookup;
import io.uptake.catalog.CheckinLookup.Subject;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.CheckinRequest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens this period's check-in cycle for every active workflow with an outcome and an owner, and for every active
 * programme with its own outcome and owner (the programme owner's check-in), and asks the owner
 * by direct message (outside their quiet hours). Running it again in the same period changes nothing; a workflow
 * added mid-period gets its cycle at the next run. The cycle opens even when the owner cannot be messaged, so that
 * a missed check-in is still escalated and flagged.
 */
@Singleton
public class OpenCheckinCycles {

    private static final Logger LOG = LoggerFactory.getLogger(OpenCheckinCycles.class);

    private final CheckinLookup catalog;
    private final CheckinCycles cycles;
    private final CheckinForms forms;
    private final Reach reach;
    private final Outbox outbox;
    private final Clock clock;

    OpenCheckinCycles(CheckinLookup catalog, CheckinCycles cycles, CheckinForms forms, Reach reach,
                      Outbox outbox, Clock clock) {
        this.catalog = catalog;
        this.cycles = cycles;
        this.forms = forms;
        this.reach = reach;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Opens the cycles due now; returns how many were opened. */
    @Transactional
    public int run() {
        Instant now = CheckinRepositories.millis(clock.instant());
        String period = Periods.of(now, catalog.policy().cadence());
        int opened = 0;
        for (Subject subject : catalog.subjects()) {
            if (subject.retired() || subject.ownerPersonId() == null
                    || cycles.find(subject.key(), period).isPresent()) {
                continue;
            }
            CheckinCycles.Cycle cycle = cycles.open(subject.key(), period, now);
            Optional<Reach.Target> owner = reach.of(subject.ownerPersonId(), now);
            owner.ifPresent(target -> outbox.enqueue(new NewMessage(key(cycle), target.platform(),
                    target.identity().tenantId(), target.identity().directAddress(), target.person().id(),
                    new CheckinRequest(forms.form(subject, period), 0), reach.allowedFrom(target, now), null,
                    null, cycle.id())));
            LOG.info("Check-in cycle {} ({}) opened for {}; owner {}", cycle.ref(), period, subject.key(),
                    owner.isPresent() ? "asked" : "cannot be messaged");
            opened++;
        }
        return opened;
    }

    /** The dedupe key of a cycle's first request. */
    /** The dedupe key of a workflow cycle's first request. */
    static String key(long cycleId) {
        return "checkin:" + cycleId;
    }

    static String key(CheckinCycles.Cycle cycle) {
        return "checkin:" + cycle.ref();
    }
}
