package io.uptake.nudge;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.WorkflowRow;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.EarlyWarning;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.people.Reachability;
import io.uptake.platform.Platform;
import io.uptake.pulse.PulseSettings;
import io.uptake.pulse.SendTimes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues one pilot's early warning to its owner and stores that it went, in one transaction: the row, unique per
 * workflow and pilot spell, and the outbox's dedupe key each make a second run send nothing. An owner who cannot be
 * reached yet (not known, opted out, paused, no chat account) is tried again on the next run; a warning due in their
 * quiet hours waits for them to end. It is owner business, not a nudge, so the weekly nudge cap does not hold it.
 */
@Singleton
class QueueEarlyWarning {

    private static final Logger LOG = LoggerFactory.getLogger(QueueEarlyWarning.class);

    private final DecisionRepositories.EarlyWarnings warnings;
    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final Outbox outbox;
    private final PulseSettings pulseSettings;
    private final SendTimes sendTimes;

    QueueEarlyWarning(DecisionRepositories.EarlyWarnings warnings, PersonRepository people,
                      ChatIdentityRepository identities, Outbox outbox, PulseSettings pulseSettings) {
        this.warnings = warnings;
        this.people = people;
        this.identities = identities;
        this.outbox = outbox;
        this.pulseSettings = pulseSettings;
        this.sendTimes = new SendTimes(pulseSettings);
    }

    @Transactional
    public boolean warn(WorkflowRow row, List<String> reasons, LocalDate today, Instant now) {
        Optional<PersonRow> owner = Optional.ofNullable(row.ownerPersonId()).flatMap(people::findById)
                .or(() -> people.findByEmail(row.ownerEmail().trim().toLowerCase(Locale.ROOT)))
                .filter(p -> Reachability.askable(p, now));
        Optional<ChatIdentityRow> to = owner.flatMap(p -> Reachability.identity(
                identities.findByPersonIdOrderById(p.id()), Platform.SLACK));
        if (to.isEmpty()) {
            LOG.debug("Early warning for workflow {} held: its owner cannot be reached yet", row.id());
            return false;
        }
        if (warnings.insertIfAbsent(row.id(), row.stageSince(), owner.get().id(), String.join("; ", reasons), today,
                now) == 0) {
            return false;
        }
        int day = (int) ChronoUnit.DAYS.between(row.stageSince(), today);
        Instant notBefore = sendTimes.allowedFrom(now, Reachability.zone(owner.get(), pulseSettings.defaultZone()))
                .truncatedTo(ChronoUnit.MILLIS);
        ChatIdentityRow identity = to.get();
        outbox.enqueue(new NewMessage("early-warning:" + row.id() + ":" + row.stageSince(), identity.platform(),
                identity.tenantId(), identity.directAddress(), owner.get().id(),
                new EarlyWarning(row.id(), row.name(), day, reasons), notBefore, null, null, null));
        LOG.info("Early warning for workflow {} (pilot since {}) queued for its owner", row.id(), row.stageSince());
        return true;
    }
}
