package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * What the seats of the AI tool a workflow's use comes from cost per person who uses them, from the programmes
 * file's {@code tools} and the tool's telemetry. One tool's seats serve every workflow whose {@code usage.source}
 * names it, so each of those workflows shows the same tool-wide figures.
 *
 * @param tool              the usage source, e.g. {@code github-copilot}
 * @param seats             the seats the file says are paid for
 * @param currency          the price's ISO 4217 code, shown with every amount
 * @param weeklyCost        every seat's price for one week, to the cent
 * @param costPerActiveUser the weekly cost ÷ the distinct people with telemetry use of the tool in the scored week,
 *                          across all its workflows (each counted while in a workflow's audience); n is those people
 * @param idleSeats         seats − the distinct people with telemetry use of the tool in the last 4 weeks, never
 *                          below 0; n is those people
 */
@Serdeable
public record SeatCost(String tool, int seats, String currency, BigDecimal weeklyCost, Figure costPerActiveUser,
                       Figure idleSeats) {
}
