package io.uptake.catalog;

import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Syncs pulse and digest declarations; part of {@link SyncCatalog}. */
@Singleton
class SyncPulsesAndDigests {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final CatalogRepositories.Pulses pulses;
    private final CatalogRepositories.Digests digests;

    SyncPulsesAndDigests(CatalogRepositories.Pulses pulses, CatalogRepositories.Digests digests) {
        this.pulses = pulses;
        this.digests = digests;
    }

    void sync(Catalog catalog, Instant now, List<String> changes) {
        catalog.pulses().forEach(pulse -> syncPulse(pulse, now, changes));
        Set<String> pulseIds = catalog.pulses().stream().map(Pulse::id).collect(Collectors.toSet());
        for (PulseRow row : pulses.findAllOrderById()) {
            if (row.retiredAt() == null && !pulseIds.contains(row.id())) {
                pulses.update(retired(row, now));
                changes.add("pulse " + row.id() + " retired: no longer in the file");
            }
        }
        catalog.digests().forEach(digest -> syncDigest(digest, now, changes));
        Set<String> channels = catalog.digests().stream().map(d -> d.channel().toString()).collect(Collectors.toSet());
        for (DigestSubscriptionRow row : digests.findAllOrderByChannel()) {
            if (row.retiredAt() == null && !channels.contains(row.channel())) {
                digests.update(new DigestSubscriptionRow(row.id(), row.channel(), row.programmes(), row.scheduleDays(),
                        row.scheduleAt(), row.scheduleZone(), now, row.createdAt(), now));
                changes.add("digest to " + row.channel() + " retired: no longer in the file");
            }
        }
    }

    private void syncPulse(Pulse pulse, Instant now, List<String> changes) {
        Optional<PulseRow> existing = pulses.findById(pulse.id());
        PulseRow wanted = new PulseRow(pulse.id(), pulse.workflowId(),
                pulse.questions().stream().map(Question::code).collect(Collectors.joining(",")),
                pulse.mode().name().toLowerCase(Locale.ROOT), days(pulse.schedule().days()),
                HH_MM.format(pulse.schedule().at()), pulse.schedule().zone().map(ZoneId::getId).orElse(null),
                minutes(pulse.remindAfter()), pulse.reminders(), minutes(pulse.closeAfter()), null,
                existing.map(PulseRow::createdAt).orElse(now), now);
        if (existing.isEmpty()) {
            pulses.save(wanted);
            changes.add("pulse " + pulse.id() + " added");
        } else if (!existing.get().sameDeclaration(wanted)) {
            pulses.update(wanted);
            changes.add("pulse " + pulse.id() + (existing.get().retiredAt() != null ? " restored" : " updated"));
        }
    }

    private void syncDigest(DigestSubscription digest, Instant now, List<String> changes) {
        String channel = digest.channel().toString();
        Optional<DigestSubscriptionRow> existing = digests.findByChannel(channel);
        DigestSubscriptionRow wanted = new DigestSubscriptionRow(existing.map(DigestSubscriptionRow::id).orElse(null),
                channel, String.join(",", digest.programmeIds()), days(digest.schedule().days()),
                HH_MM.format(digest.schedule().at()), digest.schedule().zone().map(ZoneId::getId).orElse("UTC"),
                null, existing.map(DigestSubscriptionRow::createdAt).orElse(now), now);
        if (existing.isEmpty()) {
            digests.save(wanted);
            changes.add("digest to " + channel + " added");
        } else if (!existing.get().sameDeclaration(wanted)) {
            digests.update(wanted);
            changes.add("digest to " + channel + (existing.get().retiredAt() != null ? " restored" : " updated"));
        }
    }

    private static PulseRow retired(PulseRow r, Instant now) {
        return new PulseRow(r.id(), r.workflowId(), r.questions(), r.mode(), r.scheduleDays(), r.scheduleAt(),
                r.scheduleZone(), r.remindAfterMinutes(), r.reminders(), r.closeAfterMinutes(), now, r.createdAt(),
                now);
    }

    static String days(Set<DayOfWeek> days) {
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static int minutes(Duration duration) {
        return Math.toIntExact(duration.toMinutes());
    }
}
