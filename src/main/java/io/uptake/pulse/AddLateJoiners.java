package io.uptake.pulse;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.PulseRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.PulseCard;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Asks people who joined a workflow's audience while one of its rounds is open. */
@Singleton
public class AddLateJoiners {

    private final PulseRepositories.Rounds rounds;
    private final PulseRepositories.Deliveries deliveries;
    private final CatalogLookup catalog;
    private final Recipients recipients;
    private final OpenRound openRound;
    private final SendTimes sendTimes;
    private final Clock clock;
    private final CommentNotice notice;

    AddLateJoiners(PulseRepositories.Rounds rounds, PulseRepositories.Deliveries deliveries, CatalogLookup catalog,
                   Recipients recipients, OpenRound openRound, PulseSettings settings, Clock clock,
                   CommentNotice notice) {
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.recipients = recipients;
        this.openRound = openRound;
        this.sendTimes = new SendTimes(settings);
        this.clock = clock;
        this.notice = notice;
    }

    /** Returns how many people were added to open rounds. */
    @Transactional
    public int run() {
        Instant now = PulseRepositories.millis(clock.instant());
        int added = 0;
        for (RoundRow round : rounds.findUnclosed()) {
            Optional<PulseRow> pulse = catalog.pulse(round.pulseId()).filter(p -> p.retiredAt() == null);
            // A pre-rollout round is for the waves not yet live as they were when it opened: no late joiners.
            if (pulse.isEmpty() || !round.openAt(now) || round.period().startsWith(OpenRound.PRE_ROLLOUT)) {
                continue;
            }
            WorkflowRow workflow = catalog.workflow(pulse.get().workflowId()).orElseThrow();
            Set<Long> asked = deliveries.findByRoundIdOrderById(round.id()).stream().map(DeliveryRow::personId)
                    .collect(Collectors.toSet());
            Optional<ZoneId> zone = Optional.ofNullable(pulse.get().scheduleZone()).map(ZoneId::of);
            PulseCard card = notice.onto(PulseCards.blank(round, pulse.get(), workflow), workflow);
            for (Recipient r : recipients.of(workflow.id(), zone, now).recipients()) {
                if (!asked.contains(r.personId())) {
                    openRound.ask(round, card, r, due(round, pulse.get(), r, now));
                    added++;
                }
            }
        }
        return added;
    }

    /** Their own local send time if it is still ahead; otherwise as soon as their quiet hours allow. */
    private Instant due(RoundRow round, PulseRow pulse, Recipient r, Instant now) {
        Instant due = sendTimes.allowedFrom(now, r.zone());
        if (!round.period().startsWith("manual-")) {
            Instant scheduled = sendTimes.due(LocalDate.parse(round.period()), LocalTime.parse(pulse.scheduleAt()),
                    r.zone());
            due = scheduled.isAfter(due) ? scheduled : due;
        }
        return PulseRepositories.millis(due);
    }
}
