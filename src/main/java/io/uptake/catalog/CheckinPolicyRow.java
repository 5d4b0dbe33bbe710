package io.uptake.catalog;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The check-in policy of the last accepted programmes file, as stored: one row with id 1. */
@MappedEntity(value = "checkin_policy", escape = false)
public record CheckinPolicyRow(
        @Id Integer id,
        String cadence,
        String remindMinutes,
        int escalateAfterMinutes,
        Instant updatedAt) {

    static final int ONLY = 1;

    static CheckinPolicyRow of(CheckinPolicy policy, Instant now) {
        return new CheckinPolicyRow(ONLY, policy.cadence().name().toLowerCase(Locale.ROOT),
                policy.remind().stream().map(d -> Long.toString(d.toMinutes())).collect(Collectors.joining(",")),
                (int) policy.escalateAfter().toMinutes(), now);
    }

    CheckinPolicy policy() {
        List<Duration> remind = remindMinutes.isBlank() ? List.of() : Arrays.stream(remindMinutes.split(","))
                .map(m -> Duration.ofMinutes(Long.parseLong(m.trim()))).toList();
        return new CheckinPolicy(CheckinPolicy.Cadence.valueOf(cadence.toUpperCase(Locale.ROOT)), remind,
                Duration.ofMinutes(escalateAfterMinutes));
    }

    boolean sameAs(CheckinPolicyRow other) {
        return cadence.equals(other.cadence) && remindMinutes.equals(other.remindMinutes)
                && escalateAfterMinutes == other.escalateAfterMinutes;
    }
}
