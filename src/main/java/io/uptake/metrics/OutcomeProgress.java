package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A workflow's commercial outcome as its owner last reported it, beside the value its system of record measured.
 *
 * @param progress          (current − baseline) ÷ (target − baseline) in percent, respecting direction; NO_DATA
 *                          without a check-in
 * @param status            on_track, at_risk or off_track from the last check-in, null without one
 * @param daysSinceCheckin  days since the last check-in, null without one
 * @param checkinState      CURRENT (this cycle's check-in is in), DUE (open, not yet overdue), MISSED (escalated
 *                          or past the escalation delay) or NONE (no cycle yet)
 * @param claimed           the value the owner claimed in their last check-in (the same as {@code current}), null
 *                          without a check-in
 * @param measured          the latest value the system of record measured on or before the week's last day, posted
 *                          through the admin API; null without one
 * @param measuredOn        the day {@code measured} was measured on, null without one
 * @param gapPercent        (claimed − measured) ÷ |measured| in percent, one decimal; positive when the claim is
 *                          higher. Null unless both exist and the measured value is not 0
 * @param gapFlagged        whether claimed and measured lie further apart than the set share
 *                          ({@code uptake.metrics.outcome-gap.percent}, 10 % by default)
 */
@Serdeable
public record OutcomeProgress(String metric, String unit, String direction, BigDecimal baseline, BigDecimal target,
                              @Nullable BigDecimal current, Figure progress, @Nullable String status,
                              @Nullable Integer confidence, @Nullable Integer daysSinceCheckin,
                              CheckinState checkinState, @Nullable BigDecimal claimed,
                              @Nullable BigDecimal measured, @Nullable LocalDate measuredOn,
                              @Nullable Double gapPercent, boolean gapFlagged) {

    /** An outcome with no measured value beside the claimed one. */
    public OutcomeProgress(String metric, String unit, String direction, BigDecimal baseline, BigDecimal target,
                           @Nullable BigDecimal current, Figure progress, @Nullable String status,
                           @Nullable Integer confidence, @Nullable Integer daysSinceCheckin,
                           CheckinState checkinState) {
        this(metric, unit, direction, baseline, target, current, progress, status, confidence, daysSinceCheckin,
                checkinState, current, null, null, null, false);
    }

    /** Where this quarter's check-in stands. */
    public enum CheckinState {
        CURRENT, DUE, MISSED, NONE
    }
}
