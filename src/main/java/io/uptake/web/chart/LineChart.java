package io.uptake.web.chart;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A line chart of weekly percentages as the dashboard draws it: weeks along the bottom, 0 to 100 up the side, a few
 * series, and guide lines (the verdict's thresholds).
 *
 * @param id     unique on its page: the SVG's title is referred to by it
 * @param title  what the chart shows, read out by screen readers; never a value
 * @param weeks  the weeks, oldest first, as {@code 2026-W47}
 * @param series the lines; each has one value per week, null where there is no value to draw (a gap)
 * @param guides horizontal lines drawn behind the series
 */
public record LineChart(String id, String title, List<String> weeks, List<Series> series, List<Guide> guides) {

    public LineChart {
        weeks = List.copyOf(weeks);
        series = List.copyOf(series);
        guides = List.copyOf(guides);
        for (Series s : series) {
            if (s.values().size() != weeks.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                        + " values for " + weeks.size() + " weeks");
            }
        }
    }

    /**
     * One line.
     *
     * @param values one per week; null for a week with nothing to show (no data, or hidden by the anonymity rules)
     */
    public record Series(String name, Look look, List<@Nullable Double> values) {

        public Series {
            // List.copyOf refuses nulls, and nulls are the gaps.
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /** A horizontal line at a value, labelled (e.g. "50 % leverage"). */
    public record Guide(double value, String label) {
    }

    /**
     * How a line looks: colour, dash and marker differ together, so a line is told apart without seeing colour
     * (WCAG 1.4.1). Colours have at least 3:1 contrast on white (WCAG 1.4.11).
     */
    public enum Look {
        BLUE("#1d4e89", "", "circle"),
        GREEN("#00703c", "8 4", "square"),
        ORANGE("#a14200", "2 3", "diamond");

        final String colour;
        final String dash;
        final String marker;

        Look(String colour, String dash, String marker) {
            this.colour = colour;
            this.dash = dash;
            this.marker = marker;
        }
    }
}
