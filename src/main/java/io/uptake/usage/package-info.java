/**
 * Usage events: telemetry exported by AI tools and use reported in pulses.
 *
 * <p>Other packages read its tables only through the read models it publishes (views, migration
 * {@code V9__read_models.sql}): {@code read_usage_day}.
 */
package io.uptake.usage;
