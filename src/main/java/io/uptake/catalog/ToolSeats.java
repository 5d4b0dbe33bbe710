package io.uptake.catalog;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What an organisation pays for one AI tool: its seats and their price, for the cost per weekly active user and the
 * idle seats.
 *
 * @param source       the tool, named as a workflow's {@code usage.source} names it
 * @param pricePerSeat the price of one seat per {@code per}, in {@code currency}; 0 when only seats are given
 */
public record ToolSeats(String source, int seats, BigDecimal pricePerSeat, String currency, Per per) {

    /** What the price is quoted per. */
    public enum Per {
        MONTH, YEAR
    }

    /** The price of every seat for one week (a year's 52.1775 weeks, so months and years agree). */
    public BigDecimal weeklyCost() {
        BigDecimal yearly = pricePerSeat.multiply(BigDecimal.valueOf(per == Per.MONTH ? 12 : 1));
        return yearly.multiply(BigDecimal.valueOf(seats)).divide(new BigDecimal("52.1775"), MathContext.DECIMAL64);
    }
}
