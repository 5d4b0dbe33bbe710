/**
 * Trust and usage pulses: rounds, deliveries at each recipient's local time, answers, reminders and closing.
 *
 * <p>Other packages read its tables only through the read models it publishes (views, migration
 * {@code V9__read_models.sql}): {@code read_round}, {@code read_delivery} and {@code read_answer}.
 */
package io.uptake.pulse;
