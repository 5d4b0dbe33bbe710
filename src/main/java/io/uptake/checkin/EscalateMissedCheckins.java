package io.uptake.checkin;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CheckinLookup;
import io.uptake.catalog.CheckinLookup.Subject;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.CheckinEscalation;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a check-in missed once the policy's escalate-after has passed without one (default 7 days), and tells the
 * programme's sponsor by direct message with the workflow (or the programme, for the programme owner's own
 * check-in), the owner and how many days it has been open. The
 * message is recorded as a {@code checkin_missed} nudge to the sponsor. A sponsor who opted out, paused or cannot
 * be reached is not messaged, but the cycle is still marked, so the digest flags it.
 */
@Singleton
public class EscalateMissedCheckins {

    private static final Logger LOG = LoggerFactory.getLogger(EscalateMissedCheckins.class);

    private final CheckinLookup catalog;
    private final CheckinCycles cycles;
    private final CheckinRepositories.Nudges nudges;
    private final Owners owners;
    private final Reach reach;
    private final Outbox outbox;
    private final Clock clock;

    EscalateMissedCheckins(CheckinLookup catalog, CheckinCycles cycles,
                           CheckinRepositories.Nudges nudges, Owners owners, Reach reach, Outbox outbox,
                           Clock clock) {
        this.catalog = catalog;
        this.cycles = cycles;
        this.nudges = nudges;
        this.owners = owners;
        this.reach = reach;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Escalates the check-ins overdue now; returns how many sponsors were messaged. */
    @Transactional
    public int run() {
        Instant now = CheckinRepositories.millis(clock.instant());
        CheckinPolicy policy = catalog.policy();
        int told = 0;
        for (CheckinCycles.Cycle cycle : cycles.waiting()) {
            if (now.isBefore(cycle.openedAt().plus(policy.escalateAfter()))) {
                continue;
            }
            cycles.update(CheckinCycles.escalated(cycle, now));
            Optional<Subject> subject = catalog.subject(cycle.subject()).filter(a -> !a.retired());
            if (subject.isEmpty()) {
                LOG.info("Check-in cycle {} of {} missed; it is retired or has no outcome", cycle.ref(),
                        cycle.subject());
                continue;
            }
            if (tellSponsor(cycle, subject.get(), now)) {
                told++;
            }
        }
        return told;
    }

    private boolean tellSponsor(CheckinCycles.Cycle cycle, Subject subject, Instant now) {
        Long sponsorId = subject.programme().sponsorPersonId();
        Optional<Reach.Target> sponsor = reach.of(sponsorId, now);
        if (sponsor.isEmpty()) {
            LOG.info("Check-in cycle {} of {} missed; sponsor not messaged (opted out or unreachable)",
                    cycle.ref(), cycle.subject());
            return false;
        }
        String key = key(cycle);
        Reach.Target target = sponsor.get();
        long days = Duration.between(cycle.openedAt(), now).toDays();
        Instant sendFrom = reach.allowedFrom(target, now);
        // Counted like any nudge, in the week it goes out, under the same per-person lock as the nudge caps.
        nudges.lockPerson(target.person().id());
        String workflowId = subject.isProgramme() ? null : subject.key();
        if (nudges.insertIfAbsent(target.person().id(), CheckinNudgeRow.CHECKIN_MISSED, workflowId, key,
                sendFrom) == 0) {
            return false;
        }
        // A programme's own outcome reads "the ... outcome of the programme as a whole (Claims AI)".
        String name = subject.isProgramme() ? "the programme as a whole" : subject.name();
        outbox.enqueue(new NewMessage(key, target.platform(), target.identity().tenantId(),
                target.identity().directAddress(), target.person().id(),
                new CheckinEscalation(subject.key(), name, subject.programme().name(), owners.name(subject),
                        cycle.period(), days),
                sendFrom, null, null, cycle.id()));
        LOG.info("Check-in cycle {} of {} missed; sponsor {} told", cycle.ref(), cycle.subject(),
                target.person().id());
        return true;
    }

    static String key(long workflowCycleId) {
        return "checkin-missed:" + workflowCycleId;
    }

    static String key(CheckinCycles.Cycle cycle) {
        return "checkin-missed:" + cycle.ref();
    }
}
