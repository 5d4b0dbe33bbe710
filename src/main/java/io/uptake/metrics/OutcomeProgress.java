package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * A workflow's commercial outcome as its owner last reported it.
 *
 * @param progress          (current − baseline) ÷ (target − baseline) in percent, respecting direction; NO_DATA
 *                          without a check-in
 * @param status            on_track, at_risk or off_track from the last check-in, null without one
 * @param daysSinceCheckin  days since the last check-in, null without one
 * @param checkinState      CURRENT (this cycle's check-in is in), DUE (open, not yet overdue), MISSED (escalated
 *                          or past the escalation delay) or NONE (no cycle yet)
 */
@Serdeable
public record OutcomeProgress(String metric, String unit, String direction, BigDecimal baseline, BigDecimal target,
                              @Nullable BigDecimal current, Figure progress, @Nullable String status,
                              @Nullable Integer confidence, @Nullable Integer daysSinceCheckin,
                              CheckinState checkinState) {

    /** Where this quarter's check-in stands. */
    public enum CheckinState {
        CURRENT, DUE, MISSED, NONE
    }
}
