package io.uptake.pulse;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.PulseRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseQuestion;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a pulse round: a delivery per audience member due at the pulse's time in their own zone, and the
 * question queued in the outbox for each, all in one transaction. Opening the same period twice changes nothing.
 */
@Singleton
public class OpenRound {

    /**
     * The period prefix of a pre-rollout round: opened beside a round of the pulse, it asks the members of waves not
     * yet live the cycle-time question alone. Its periods sort apart from the pulse's own, so the weekly figures
     * (response rate, cycle-time median) never count it; the effect estimate reads it as those waves' "before".
     */
    public static final String PRE_ROLLOUT = "pre-rollout-";
    static final String CYCLE_TIME = "cycle-time";

    private static final Logger LOG = LoggerFactory.getLogger(OpenRound.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'");

    /** What opening a round did. */
    public sealed interface Result {
        /** The round is open; {@code created} is false when it already was. */
        record Opened(long roundId, int recipients, int skipped, boolean created) implements Result {
        }

        /** Nobody could be asked on time, so no round was opened; {@code why} says why. */
        record NotOpened(String why) implements Result {
        }

        /** No active pulse has this id. */
        record UnknownPulse(String pulseId) implements Result {
        }
    }

    private final CatalogLookup catalog;
    private final Recipients recipients;
    private final PulseRepositories.Rounds rounds;
    private final PulseRepositories.Deliveries deliveries;
    private final Outbox outbox;
    private final PulseSettings settings;
    private final SendTimes sendTimes;
    private final Clock clock;
    private final CommentNotice notice;
    private final PreRolloutSettings preRollout;

    OpenRound(CatalogLookup catalog, Recipients recipients, PulseRepositories.Rounds rounds,
              PulseRepositories.Deliveries deliveries, Outbox outbox, PulseSettings settings, Clock clock,
              CommentNotice notice, PreRolloutSettings preRollout) {
        this.catalog = catalog;
        this.recipients = recipients;
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.settings = settings;
        this.sendTimes = new SendTimes(settings);
        this.clock = clock;
        this.notice = notice;
        this.preRollout = preRollout;
    }

    /** Opens the round scheduled for {@code date}: each person is asked at the pulse's time in their own zone. */
    @Transactional
    public Result scheduled(String pulseId, LocalDate date) {
        Result result = open(pulseId, date.toString(), Optional.of(date));
        preRollout(pulseId, date.toString(), Optional.of(date), date);
        return result;
    }

    /** Opens a round now and asks everyone at once: an admin's "send now". */
    @Transactional
    public Result now(String pulseId) {
        String period = "manual-" + MINUTE.format(clock.instant().atZone(ZoneId.of("UTC")));
        Result result = open(pulseId, period, Optional.empty());
        preRollout(pulseId, period, Optional.empty(), LocalDate.ofInstant(clock.instant(), ZoneId.of("UTC")));
        return result;
    }

    /**
     * Beside a round of a pulse that asks cycle time, the pre-rollout round: the cycle-time question alone, to the
     * members of the workflow's waves that go live after {@code day} and within the set weeks of it, except people
     * also in a wave already live (the pulse asks them). Opening it twice changes nothing; nobody to ask, nothing.
     */
    private void preRollout(String pulseId, String period, Optional<LocalDate> date, LocalDate day) {
        Optional<PulseRow> pulse = catalog.pulse(pulseId).filter(p -> p.retiredAt() == null);
        if (pulse.isEmpty() || preRollout.weeks() == 0
                || !List.of(pulse.get().questions().split(",")).contains(CYCLE_TIME)) {
            return;
        }
        List<CatalogLookup.AudienceSource> waves = catalog.waves(pulse.get().workflowId());
        List<CatalogLookup.AudienceSource> waiting = waves.stream().filter(w -> !w.liveOn(day)
                && w.goLive().filter(g -> !g.isAfter(day.plusWeeks(preRollout.weeks()))).isPresent()).toList();
        String ownPeriod = PRE_ROLLOUT + period;
        if (waiting.isEmpty() || rounds.findByPulseIdAndPeriod(pulseId, ownPeriod).isPresent()) {
            return;
        }
        WorkflowRow workflow = catalog.workflow(pulse.get().workflowId()).orElseThrow();
        Instant now = PulseRepositories.millis(clock.instant());
        Optional<ZoneId> pulseZone = Optional.ofNullable(pulse.get().scheduleZone()).map(ZoneId::of);
        java.util.Set<Long> live = recipients.of(waves.stream().filter(w -> w.liveOn(day)).toList(),
                pulseZone, now).recipients().stream().map(Recipient::personId)
                .collect(java.util.stream.Collectors.toSet());
        List<Recipient> people = recipients.of(waiting, pulseZone, now).recipients().stream()
                .filter(r -> !live.contains(r.personId())).toList();
        List<Due> dues = dues(people, pulse.get(), date, now);
        if (dues.isEmpty()) {
            return;
        }
        Instant closesAt = dues.stream().map(Due::at).max(Instant::compareTo).orElseThrow()
                .plus(Duration.ofMinutes(pulse.get().closeAfterMinutes()));
        if (rounds.insertIfAbsent(pulseId, ownPeriod, CYCLE_TIME, pulse.get().mode(), now, closesAt) == 0) {
            return;
        }
        RoundRow round = rounds.findByPulseIdAndPeriod(pulseId, ownPeriod).orElseThrow();
        PulseCard card = PulseCards.blank(round, pulse.get(), workflow);
        for (Due due : dues) {
            ask(round, card, due.recipient(), due.at());
        }
        LOG.info("Pulse {} pre-rollout round {} ({}) opened for {} people of {} waves not yet live", pulseId,
                round.id(), ownPeriod, dues.size(), waiting.size());
    }

    private Result open(String pulseId, String period, Optional<LocalDate> date) {
        Optional<PulseRow> pulse = catalog.pulse(pulseId).filter(p -> p.retiredAt() == null);
        if (pulse.isEmpty()) {
            return new Result.UnknownPulse(pulseId);
        }
        Optional<RoundRow> existing = rounds.findByPulseIdAndPeriod(pulseId, period);
        if (existing.isPresent()) {
            long id = existing.get().id();
            return new Result.Opened(id, (int) deliveries.countByRoundId(id), 0, false);
        }
        WorkflowRow workflow = catalog.workflow(pulse.get().workflowId()).orElseThrow();
        Instant now = PulseRepositories.millis(clock.instant());
        Optional<ZoneId> pulseZone = Optional.ofNullable(pulse.get().scheduleZone()).map(ZoneId::of);
        Recipients.Found found = recipients.of(workflow.id(),
                date.orElse(LocalDate.ofInstant(now, ZoneId.of("UTC"))), pulseZone, now);
        List<Due> dues = dues(found.recipients(), pulse.get(), date, now);
        if (dues.isEmpty()) {
            String why = found.recipients().isEmpty()
                    ? "nobody in the audience can be reached (" + found.skipped() + " passed over)"
                    : "the send time passed more than " + settings.staleAfter() + " ago for everyone";
            LOG.warn("Pulse {} round {} not opened: {}", pulseId, period, why);
            return new Result.NotOpened(why);
        }
        Instant closesAt = dues.stream().map(Due::at).max(Instant::compareTo).orElseThrow()
                .plus(Duration.ofMinutes(pulse.get().closeAfterMinutes()));
        if (rounds.insertIfAbsent(pulseId, period, pulse.get().questions(), pulse.get().mode(), now, closesAt) == 0) {
            RoundRow other = rounds.findByPulseIdAndPeriod(pulseId, period).orElseThrow();
            return new Result.Opened(other.id(), (int) deliveries.countByRoundId(other.id()), 0, false);
        }
        RoundRow round = rounds.findByPulseIdAndPeriod(pulseId, period).orElseThrow();
        PulseCard card = notice.onto(PulseCards.blank(round, pulse.get(), workflow), workflow);
        for (Due due : dues) {
            ask(round, card, due.recipient(), due.at());
        }
        int late = found.recipients().size() - dues.size();
        LOG.info("Pulse {} round {} ({}) opened for {} people; {} passed over, {} too late", pulseId, round.id(),
                period, dues.size(), found.skipped(), late);
        return new Result.Opened(round.id(), dues.size(), found.skipped() + late, true);
    }

    /** Adds one person to an open round: a delivery and its question in the outbox. */
    void ask(RoundRow round, PulseCard card, Recipient recipient, Instant due) {
        DeliveryRow delivery = deliveries.save(new DeliveryRow(null, round.id(), recipient.personId(),
                recipient.identity().platform(), due, null, false, 0, null));
        Instant expires = due.plus(settings.staleAfter());
        outbox.enqueue(new NewMessage(OpenRoundKeys.question(round.id(), recipient.personId()),
                recipient.identity().platform(),
                recipient.identity().tenantId(), recipient.identity().directAddress(), recipient.personId(),
                new PulseQuestion(card), due, expires.isBefore(round.closesAt()) ? expires : round.closesAt(),
                null, delivery.id()));
    }

    private List<Due> dues(List<Recipient> people, PulseRow pulse, Optional<LocalDate> date, Instant now) {
        Instant staleBefore = now.minus(settings.staleAfter());
        LocalTime at = LocalTime.parse(pulse.scheduleAt());
        List<Due> dues = new ArrayList<>();
        for (Recipient r : people) {
            Instant due = date.map(d -> sendTimes.due(d, at, r.zone())).orElse(now);
            if (!due.isBefore(staleBefore)) {
                dues.add(new Due(r, PulseRepositories.millis(due.isBefore(now) ? now : due)));
            }
        }
        return dues;
    }

    private record Due(Recipient recipient, Instant at) {
    }
}
