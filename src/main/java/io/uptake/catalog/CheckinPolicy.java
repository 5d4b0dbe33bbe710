package io.uptake.catalog;

import java.time.Duration;
import java.util.List;

/**
 * How outcome check-ins are collected from owners.
 *
 * @param remind        delays after a cycle opens at which the owner is reminded
 * @param escalateAfter delay after which a missing check-in goes to the sponsor
 */
public record CheckinPolicy(Cadence cadence, List<Duration> remind, Duration escalateAfter) {

    public static final CheckinPolicy DEFAULT =
            new CheckinPolicy(Cadence.QUARTERLY, List.of(Duration.ofDays(2), Duration.ofDays(5)), Duration.ofDays(7));

    public CheckinPolicy {
        remind = List.copyOf(remind);
    }

    /** How often a check-in is due. */
    public enum Cadence {
        MONTHLY, QUARTERLY
    }
}
