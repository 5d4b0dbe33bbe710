package io.uptake.web.chart;

import io.micronaut.core.annotation.Nullable;

/**
 * A workflow's trust against its correction rate as the dashboard draws it: trust index (0–100) along the bottom,
 * the share of answers saying output often or always needs fixing (0–100 %) up the side, the four thresholds, and
 * the workflow's point.
 *
 * @param id                  unique on its page: the SVG's title is referred to by it
 * @param title               what the plot shows, read out by screen readers; never a value
 * @param trust               the trust index, or null when the point is not to be drawn (hidden or no data)
 * @param correction          the correction rate in percent, null likewise; both or neither are drawn
 * @param highTrust           trust from which it is high
 * @param lowTrust            trust up to which it is low
 * @param frequentCorrections the correction rate from which corrections are frequent
 * @param rareCorrections     the correction rate up to which corrections are rare
 */
public record CalibrationPlot(String id, String title, @Nullable Double trust, @Nullable Double correction,
                              int highTrust, int lowTrust, int frequentCorrections, int rareCorrections) {

    /** Whether there is a point to draw. */
    public boolean hasPoint() {
        return trust != null && correction != null && !trust.isNaN() && !correction.isNaN();
    }
}
