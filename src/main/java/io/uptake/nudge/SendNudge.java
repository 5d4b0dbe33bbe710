package io.uptake.nudge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.ChatMessage;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.people.Reachability;
import io.uptake.platform.Platform;
import io.uptake.pulse.PulseSettings;
import io.uptake.pulse.SendTimes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a nudge through the outbox, under the caps every nudge obeys: once per dedupe key; nobody who opted
 * out, paused, was erased or cannot be reached; at most one nudge per person per ISO week (UTC), counting every
 * row of the nudge table whatever its kind; and never in the person's quiet hours or weekend, where a nudge waits
 * (outbox {@code not_before}) until they end, exactly as pulses do.
 */
@Singleton
public class SendNudge {

    private static final Logger LOG = LoggerFactory.getLogger(SendNudge.class);

    /** A nudge to send. {@code kind} is stored with it, e.g. {@code play}, {@code owner_alert}. */
    public record Nudge(String kind, long personId, @Nullable String workflowId, String dedupeKey,
                        ChatMessage message) {
    }

    /** What became of a nudge. */
    public sealed interface Result {
        /** Queued, to go out at {@code notBefore}. */
        record Queued(Instant notBefore) implements Result {
        }

        /** This nudge was queued before. */
        record AlreadySent() implements Result {
        }

        /** Not sent: the person cannot or must not be nudged now (opted out, paused, capped this week ...). */
        record Held(String why) implements Result {
        }
    }

    private final NudgeRepository nudges;
    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final Outbox outbox;
    private final SendTimes sendTimes;
    private final ZoneId defaultZone;
    private final Clock clock;

    SendNudge(NudgeRepository nudges, PersonRepository people, ChatIdentityRepository identities, Outbox outbox,
              PulseSettings settings, Clock clock) {
        this.nudges = nudges;
        this.people = people;
        this.identities = identities;
        this.outbox = outbox;
        this.sendTimes = new SendTimes(settings);
        this.defaultZone = settings.defaultZone();
        this.clock = clock;
    }

    @Transactional
    public Result send(Nudge nudge) {
        if (nudges.findByDedupeKey(nudge.dedupeKey()).isPresent()) {
            return new Result.AlreadySent();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        nudges.lockPerson(nudge.personId());
        Optional<PersonRow> person = people.findById(nudge.personId());
        Optional<String> why = person.map(p -> Reachability.unwelcome(p, now)).orElse(Optional.of("unknown person"));
        Optional<ChatIdentityRow> identity = Reachability.identity(identities.findByPersonIdOrderById(
                nudge.personId()), Platform.SLACK);
        if (why.isEmpty() && identity.isEmpty()) {
            why = Optional.of("no chat identity");
        }
        if (why.isEmpty() && nudges.countFor(nudge.personId(), weekStart(now), weekStart(now).plus(7,
                ChronoUnit.DAYS)) > 0) {
            why = Optional.of("already nudged this week");
        }
        if (why.isPresent()) {
            // Rules retry held nudges on every run, so this is routine, not news.
            LOG.debug("Nudge {} held: {}", nudge.dedupeKey(), why.get());
            return new Result.Held(why.get());
        }
        if (nudges.insertIfAbsent(nudge.personId(), nudge.kind(), nudge.workflowId(), nudge.dedupeKey(), now) == 0) {
            return new Result.AlreadySent();
        }
        Instant notBefore = sendTimes.allowedFrom(now, Reachability.zone(person.get(), defaultZone))
                .truncatedTo(ChronoUnit.MILLIS);
        ChatIdentityRow to = identity.get();
        outbox.enqueue(new NewMessage(nudge.dedupeKey(), to.platform(), to.tenantId(), to.directAddress(),
                nudge.personId(), nudge.message(), notBefore, null, null, null));
        return new Result.Queued(notBefore);
    }

    /** Monday 00:00 UTC of the ISO week holding the instant. */
    static Instant weekStart(Instant now) {
        LocalDate monday = LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(
                DayOfWeek.MONDAY));
        return monday.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
