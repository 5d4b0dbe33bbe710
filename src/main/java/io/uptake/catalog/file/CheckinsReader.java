package io.uptake.catalog.file;

import io.uptake.catalog.CheckinPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Reads how outcome check-ins are collected: cadence, reminders and escalation to the sponsor. */
final class CheckinsReader {

    static final List<String> KEYS = List.of("cadence", "remind", "escalate-after");

    private CheckinsReader() {
    }

    static Optional<CheckinPolicy> read(Field field) {
        CheckinPolicy defaults = CheckinPolicy.DEFAULT;
        return field.mapping(KEYS).flatMap(mapping -> {
            Optional<CheckinPolicy.Cadence> cadence = mapping.readOr("cadence",
                    value -> Scalars.choice(value, CheckinPolicy.Cadence.values()), defaults.cadence());
            Optional<List<Duration>> remind = mapping.readOr("remind", CheckinsReader::durations, defaults.remind());
            Optional<Duration> escalateAfter = mapping.readOr("escalate-after", Scalars::duration,
                    defaults.escalateAfter());
            if (cadence.isEmpty() || remind.isEmpty() || escalateAfter.isEmpty()) {
                return Optional.empty();
            }
            // Escalating before the last reminder would tell the sponsor while the owner is still being asked.
            if (!remind.get().isEmpty() && Collections.max(remind.get()).compareTo(escalateAfter.get()) >= 0) {
                mapping.errorAt("escalate-after", "escalate-after (" + Durations.format(escalateAfter.get())
                        + ") must be later than every reminder; the latest is at "
                        + Durations.format(Collections.max(remind.get())));
                return Optional.empty();
            }
            return Optional.of(new CheckinPolicy(cadence.get(), remind.get(), escalateAfter.get()));
        });
    }

    private static Optional<List<Duration>> durations(Field field) {
        return field.list().flatMap(items -> {
            List<Duration> durations = new ArrayList<>();
            items.forEach(item -> Scalars.duration(item).ifPresent(durations::add));
            return durations.size() == items.size() ? Optional.of(durations) : Optional.empty();
        });
    }
}
