/**
 * Usage events: telemetry exported by AI tools and use reported in pulses.
 */
package io.uptake.usage;
