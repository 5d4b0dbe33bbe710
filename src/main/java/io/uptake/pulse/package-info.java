/**
 * Trust and usage pulses: rounds, deliveries at each recipient's local time, answers, reminders and closing.
 */
package io.uptake.pulse;
