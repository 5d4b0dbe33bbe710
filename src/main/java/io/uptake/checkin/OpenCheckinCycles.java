package io.uptake.checkin;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CheckinLookup;
import io.uptake.catalog.CheckinLookup.Accountable;
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
 * Opens this period's check-in cycle for every active workflow with an outcome and an owner, and asks the owner
 * by direct message (outside their quiet hours). Running it again in the same period changes nothing; a workflow
 * added mid-period gets its cycle at the next run. The cycle opens even when the owner cannot be messaged, so that
 * a missed check-in is still escalated and flagged.
 */
@Singleton
public class OpenCheckinCycles {

    private static final Logger LOG = LoggerFactory.getLogger(OpenCheckinCycles.class);

    private final CheckinLookup catalog;
    private final CheckinRepositories.Cycles cycles;
    private final CheckinForms forms;
    private final Reach reach;
    private final Outbox outbox;
    private final Clock clock;

    OpenCheckinCycles(CheckinLookup catalog, CheckinRepositories.Cycles cycles, CheckinForms forms, Reach reach,
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
        for (Accountable accountable : catalog.accountable()) {
            String workflowId = accountable.workflow().id();
            if (accountable.workflow().ownerPersonId() == null
                    || cycles.findByWorkflowIdAndPeriod(workflowId, period).isPresent()) {
                continue;
            }
            CheckinCycleRow cycle = cycles.save(new CheckinCycleRow(null, workflowId, period, now, 0, null, null));
            Optional<Reach.Target> owner = reach.of(accountable.workflow().ownerPersonId(), now);
            owner.ifPresent(target -> outbox.enqueue(new NewMessage(key(cycle.id()), target.platform(),
                    target.identity().tenantId(), target.identity().directAddress(), target.person().id(),
                    new CheckinRequest(forms.form(accountable, period), 0), reach.allowedFrom(target, now), null,
                    null, cycle.id())));
            LOG.info("Check-in cycle {} ({}) opened for workflow {}; owner {}", cycle.id(), period, workflowId,
                    owner.isPresent() ? "asked" : "cannot be messaged");
            opened++;
        }
        return opened;
    }

    /** The dedupe key of a cycle's first request. */
    static String key(long cycleId) {
        return "checkin:" + cycleId;
    }
}
