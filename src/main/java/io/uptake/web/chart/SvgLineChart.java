package io.uptake.web.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link LineChart} as inline SVG for a server-rendered page: no script, no fonts to fetch, no style
 * attributes (the pages' content security policy allows neither inline styles nor scripts; SVG presentation
 * attributes are not styles). A week without a value breaks the line and draws nothing, so a hidden figure is never
 * drawn, and no element carries a value in a title or tooltip: the page's table beside the chart is the text
 * alternative.
 */
public final class SvgLineChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 44;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int PLOT_HEIGHT = 180;
    static final double MAX = 100;
    private static final int MAX_LABELS = 7;

    private SvgLineChart() {
    }

    public static String render(LineChart chart) {
        StringBuilder svg = new StringBuilder(4096);
        String titleId = chart.id() + "-title";
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(escape(titleId))
                .append("\" focusable=\"false\" font-family=\"system-ui, 'DejaVu Sans', sans-serif\">");
        svg.append("<title id=\"").append(escape(titleId)).append("\">").append(escape(chart.title()))
                .append("</title>");
        axes(svg, chart);
        for (LineChart.Guide guide : chart.guides()) {
            double y = y(guide.value());
            svg.append("<line class=\"guide\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y))
                    .append("\" stroke=\"#484949\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
            svg.append("<text x=\"").append(WIDTH - RIGHT - 4).append("\" y=\"").append(num(y - 4))
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#484949\">").append(escape(guide.label()))
                    .append("</text>");
        }
        for (LineChart.Series series : chart.series()) {
            line(svg, chart.weeks().size(), series);
        }
        legend(svg, chart.series());
        svg.append("</svg>");
        return svg.toString();
    }

    private static void axes(StringBuilder svg, LineChart chart) {
        int bottom = TOP + PLOT_HEIGHT;
        svg.append("<g font-size=\"12\" fill=\"#0b0c0c\">");
        for (int tick = 0; tick <= 100; tick += 25) {
            double y = y(tick);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(num(y)).append("\" y2=\"").append(num(y)).append("\" stroke=\"#e0e0e0\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(tick).append("</text>");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#0b0c0c\"/>");
        int weeks = chart.weeks().size();
        int step = Math.max(1, (int) Math.ceil(weeks / (double) MAX_LABELS));
        for (int i = 0; i < weeks; i++) {
            if ((weeks - 1 - i) % step != 0) {
                continue; // the latest week always has its label
            }
            String week = chart.weeks().get(i);
            String label = week.contains("-") ? week.substring(week.indexOf('-') + 1) : week;
            svg.append("<text x=\"").append(num(x(i, weeks))).append("\" y=\"").append(bottom + 18)
                    .append("\" text-anchor=\"middle\">").append(escape(label)).append("</text>");
        }
        svg.append("</g>");
    }

    private static void line(StringBuilder svg, int weeks, LineChart.Series series) {
        LineChart.Look look = series.look();
        StringBuilder path = new StringBuilder();
        List<double[]> points = new ArrayList<>();
        boolean drawing = false;
        for (int i = 0; i < weeks; i++) {
            Double value = series.values().get(i);
            if (value == null || value.isNaN()) {
                drawing = false;
                continue;
            }
            double px = x(i, weeks);
            double py = y(Math.max(0, Math.min(MAX, value)));
            path.append(drawing ? " L" : (path.isEmpty() ? "M" : " M")).append(num(px)).append(' ').append(num(py));
            drawing = true;
            points.add(new double[] {px, py});
        }
        svg.append("<g class=\"series\" fill=\"none\" stroke=\"").append(look.colour).append("\">");
        if (!path.isEmpty()) {
            svg.append("<path d=\"").append(path).append("\" stroke-width=\"2.5\"");
            if (!look.dash.isEmpty()) {
                svg.append(" stroke-dasharray=\"").append(look.dash).append('"');
            }
            svg.append("/>");
        }
        for (double[] p : points) {
            marker(svg, look, p[0], p[1]);
        }
        svg.append("</g>");
    }

    private static void marker(StringBuilder svg, LineChart.Look look, double x, double y) {
        switch (look.marker) {
            case "square" -> svg.append("<rect x=\"").append(num(x - 3.5)).append("\" y=\"").append(num(y - 3.5))
                    .append("\" width=\"7\" height=\"7\" fill=\"").append(look.colour).append("\"/>");
            case "diamond" -> svg.append("<path d=\"M").append(num(x)).append(' ').append(num(y - 5)).append(" L")
                    .append(num(x + 5)).append(' ').append(num(y)).append(" L").append(num(x)).append(' ')
                    .append(num(y + 5)).append(" L").append(num(x - 5)).append(' ').append(num(y))
                    .append(" Z\" fill=\"").append(look.colour).append("\"/>");
            default -> svg.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y))
                    .append("\" r=\"3.5\" fill=\"").append(look.colour).append("\"/>");
        }
    }

    private static void legend(StringBuilder svg, List<LineChart.Series> series) {
        int y = TOP + PLOT_HEIGHT + 48;
        int x = LEFT;
        svg.append("<g class=\"legend\" font-size=\"13\" fill=\"#0b0c0c\">");
        for (LineChart.Series s : series) {
            LineChart.Look look = s.look();
            svg.append("<line x1=\"").append(x).append("\" x2=\"").append(x + 28).append("\" y1=\"").append(y - 4)
                    .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(look.colour)
                    .append("\" stroke-width=\"2.5\"");
            if (!look.dash.isEmpty()) {
                svg.append(" stroke-dasharray=\"").append(look.dash).append('"');
            }
            svg.append("/>");
            marker(svg, look, x + 14, y - 4);
            svg.append("<text x=\"").append(x + 34).append("\" y=\"").append(y).append("\">")
                    .append(escape(s.name())).append("</text>");
            x += 34 + 8 * s.name().length() + 24;
        }
        svg.append("</g>");
    }

    static double x(int index, int weeks) {
        double span = WIDTH - LEFT - RIGHT - 16;
        return weeks <= 1 ? LEFT + 8 + span / 2 : LEFT + 8 + span * index / (weeks - 1);
    }

    static double y(double value) {
        return TOP + PLOT_HEIGHT - value / MAX * PLOT_HEIGHT;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text for SVG (XML) content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
