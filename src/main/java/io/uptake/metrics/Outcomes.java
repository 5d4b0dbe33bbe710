package io.uptake.metrics;

import io.uptake.catalog.CheckinPolicy;
import io.uptake.catalog.Quarter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

/** Turns a workflow's outcome and its check-ins into {@link OutcomeProgress} as of the end of a week. */
final class Outcomes {

    private Outcomes() {
    }

    /** The check-in period that contains {@code day}: {@code 2026-Q4}, or {@code 2026-11} for a monthly cadence. */
    static String period(LocalDate day, CheckinPolicy policy) {
        return policy.cadence() == CheckinPolicy.Cadence.MONTHLY ? YearMonth.from(day).toString()
                : Quarter.of(day).toString();
    }

    static OutcomeProgress progress(CatalogueReads.OutcomeFacts outcome, CheckinReads.CheckinFacts facts,
                                    LocalDate lastDay, CheckinPolicy policy) {
        return progress(outcome, facts, lastDay, policy, null, OutcomeGapSettings.defaults());
    }

    /**
     * The progress with the measured value beside the claimed one.
     *
     * @param measured the latest measured value on or before {@code lastDay}, or null
     */
    static OutcomeProgress progress(CatalogueReads.OutcomeFacts outcome, CheckinReads.CheckinFacts facts,
                                    LocalDate lastDay, CheckinPolicy policy, OutcomeValueReads.Measured measured,
                                    OutcomeGapSettings gap) {
        OutcomeProgress claimed = claimed(outcome, facts, lastDay, policy);
        if (measured == null) {
            return claimed;
        }
        Gap g = gap(claimed.current(), measured.value(), gap.percent());
        return new OutcomeProgress(claimed.metric(), claimed.unit(), claimed.direction(), claimed.baseline(),
                claimed.target(), claimed.current(), claimed.progress(), claimed.status(), claimed.confidence(),
                claimed.daysSinceCheckin(), claimed.checkinState(), claimed.current(), measured.value(),
                measured.day(), g.percent(), g.flagged());
    }

    /** How far a claim lies from the measurement: the percentage (null when it cannot be said) and the flag. */
    record Gap(Double percent, boolean flagged) {
    }

    /**
     * (claimed − measured) ÷ |measured| × 100, rounded to one decimal; flagged when strictly more than
     * {@code threshold} percent apart, compared exactly (not after rounding). A measured 0 has no percentage: any
     * other claim beside it is flagged.
     */
    static Gap gap(BigDecimal claimed, BigDecimal measured, BigDecimal threshold) {
        if (claimed == null || measured == null) {
            return new Gap(null, false);
        }
        BigDecimal difference = claimed.subtract(measured);
        if (measured.signum() == 0) {
            return new Gap(null, difference.signum() != 0);
        }
        boolean flagged = difference.abs().multiply(BigDecimal.valueOf(100))
                .compareTo(threshold.multiply(measured.abs())) > 0;
        double percent = difference.multiply(BigDecimal.valueOf(100)).divide(measured.abs(), MathContext.DECIMAL64)
                .doubleValue();
        return new Gap(Rounding.oneDecimal(percent), flagged);
    }

    private static OutcomeProgress claimed(CatalogueReads.OutcomeFacts outcome, CheckinReads.CheckinFacts facts,
                                           LocalDate lastDay, CheckinPolicy policy) {
        Instant asOf = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Optional<CheckinReads.Checkin> latest = facts.checkins().stream()
                .filter(k -> k.submittedAt().isBefore(asOf))
                .max(Comparator.comparing(CheckinReads.Checkin::submittedAt));
        String period = period(lastDay, policy);
        OutcomeProgress.CheckinState state = state(facts, latest, period, asOf, policy);
        if (latest.isEmpty()) {
            return new OutcomeProgress(outcome.metric(), outcome.unit(), outcome.direction(), outcome.baseline(),
                    outcome.target(), null, Figure.noData(Figure.Source.CHECKIN), null, null, null, state);
        }
        CheckinReads.Checkin k = latest.get();
        BigDecimal span = outcome.target().subtract(outcome.baseline());
        // The catalogue makes the target lie beyond the baseline in the outcome's direction, so the sign of the
        // span carries the direction: a fall towards a "down" target is progress.
        double progress = span.signum() == 0 ? 0 : k.value().subtract(outcome.baseline())
                .divide(span, MathContext.DECIMAL64).doubleValue() * 100;
        int days = (int) ChronoUnit.DAYS.between(k.submittedAt().atZone(ZoneOffset.UTC).toLocalDate(), lastDay);
        return new OutcomeProgress(outcome.metric(), outcome.unit(), outcome.direction(), outcome.baseline(),
                outcome.target(), k.value(), Figure.shown(Rounding.oneDecimal(progress), 1, Figure.Source.CHECKIN),
                k.status(), k.confidence(), days, state);
    }

    private static OutcomeProgress.CheckinState state(CheckinReads.CheckinFacts facts,
                                                      Optional<CheckinReads.Checkin> latest, String period,
                                                      Instant asOf, CheckinPolicy policy) {
        Optional<CheckinReads.Cycle> cycle = facts.cycles().stream()
                .filter(c -> c.period().equals(period) && c.openedAt().isBefore(asOf)).findFirst();
        if (cycle.isPresent()) {
            CheckinReads.Cycle c = cycle.get();
            boolean answered = facts.checkins().stream()
                    .anyMatch(k -> k.cycleId() == c.id() && k.submittedAt().isBefore(asOf))
                    || (c.completedAt() != null && c.completedAt().isBefore(asOf));
            if (answered) {
                return OutcomeProgress.CheckinState.CURRENT;
            }
            boolean overdue = (c.escalatedAt() != null && c.escalatedAt().isBefore(asOf))
                    || !c.openedAt().plus(policy.escalateAfter()).isAfter(asOf);
            return overdue ? OutcomeProgress.CheckinState.MISSED : OutcomeProgress.CheckinState.DUE;
        }
        boolean inPeriod = latest.map(k -> period(k.submittedAt().atZone(ZoneOffset.UTC).toLocalDate(), policy)
                .equals(period)).orElse(false);
        return inPeriod ? OutcomeProgress.CheckinState.CURRENT : OutcomeProgress.CheckinState.NONE;
    }
}
