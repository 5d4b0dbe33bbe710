package io.uptake.metrics;

import io.uptake.catalog.ToolSeats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Makes a tool's seat cost from its seats and price and the people who used it, through {@link Anonymity}: the
 * cost per active user gives away how many people were active, and the idle seats how many were in the last 4
 * weeks, so each is shown only when that group is not a small one.
 */
final class ScoreCost {

    private final Anonymity anonymity;

    ScoreCost(Anonymity anonymity) {
        this.anonymity = anonymity;
    }

    /**
     * @param monday the scored week's Monday
     */
    SeatCost score(ToolSeats tool, ToolReads.ToolFacts facts, LocalDate monday) {
        Figure.Source source = Figure.Source.TELEMETRY;
        BigDecimal weekly = tool.weeklyCost();
        boolean telemetry = facts.firstTelemetry() != null && facts.firstTelemetry().isBefore(monday.plusWeeks(1));
        Figure perUser;
        if (!telemetry || facts.activeWeek() == 0 || weekly.signum() == 0) {
            perUser = Figure.noData(weekly.signum() == 0 ? Figure.Source.CATALOGUE : source);
        } else {
            double value = weekly.divide(BigDecimal.valueOf(facts.activeWeek()), 2, RoundingMode.HALF_UP)
                    .doubleValue();
            perUser = anonymity.score(value, facts.activeWeek(), source);
        }
        // Idle seats count 4 weeks of use: a tool whose telemetry began within them would show seats as idle that
        // were only not yet measured.
        boolean fourWeeks = facts.firstTelemetry() != null
                && facts.firstTelemetry().isBefore(monday.minusWeeks(3).plusWeeks(1));
        Figure idle = fourWeeks ? anonymity.seatsLeft(tool.seats(), facts.activeFour(), source) : Figure.noData(source);
        return new SeatCost(tool.source(), tool.seats(), tool.currency(), weekly.setScale(2, RoundingMode.HALF_UP),
                perUser, idle);
    }
}
