package io.uptake.web.chart;

import java.util.Locale;

/**
 * Draws a {@link CalibrationPlot} as inline SVG, under the same rules as {@link SvgLineChart}: no script, no style
 * attributes, and no value in a title or tooltip (the table beside it is the text alternative). The over-trust
 * corner (high trust, frequent corrections) and the under-trust corner (low trust, rare corrections) are tinted and
 * named, the threshold lines dashed and labelled, and the workflow's point drawn as a ringed dot only when both of
 * its figures are shown.
 */
public final class SvgCalibrationPlot {

    static final int WIDTH = 370;
    static final int HEIGHT = 282;
    static final int LEFT = 66;
    static final int TOP = 16;
    static final int SIZE = 220;
    private static final String INK = "#0b0c0c";
    private static final String GREY = "#484949";

    private SvgCalibrationPlot() {
    }

    public static String render(CalibrationPlot plot) {
        StringBuilder svg = new StringBuilder(3072);
        String titleId = plot.id() + "-title";
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart calibration-plot\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"")
                .append(SvgLineChart.escape(titleId)).append("\" focusable=\"false\"")
                .append(" font-family=\"system-ui, 'DejaVu Sans', sans-serif\">");
        svg.append("<title id=\"").append(SvgLineChart.escape(titleId)).append("\">")
                .append(SvgLineChart.escape(plot.title())).append("</title>");
        corner(svg, "over-trust", x(plot.highTrust()), y(100), x(100), y(plot.frequentCorrections()), "#f6d5d5");
        corner(svg, "under-trust", x(0), y(plot.rareCorrections()), x(plot.lowTrust()), y(0), "#fbe3c7");
        axes(svg);
        for (int trust : new int[] {plot.lowTrust(), plot.highTrust()}) {
            guide(svg, x(trust), y(0), x(trust), y(100));
            text(svg, x(trust), y(100) - 4, "middle", 11, GREY, Integer.toString(trust));
        }
        for (int fixing : new int[] {plot.rareCorrections(), plot.frequentCorrections()}) {
            guide(svg, x(0), y(fixing), x(100), y(fixing));
            text(svg, x(100) + 4, y(fixing) + 4, "start", 11, GREY, fixing + " %");
        }
        text(svg, x(100) - 6, y(100) + 16, "end", 12, INK, "over-trust");
        text(svg, x(0) + 6, y(0) - 8, "start", 12, INK, "under-trust");
        if (plot.hasPoint()) {
            double px = x(clamp(plot.trust()));
            double py = y(clamp(plot.correction()));
            svg.append("<g class=\"point\"><circle cx=\"").append(num(px)).append("\" cy=\"").append(num(py))
                    .append("\" r=\"7\" fill=\"#ffffff\" stroke=\"").append(INK).append("\" stroke-width=\"2\"/>")
                    .append("<circle cx=\"").append(num(px)).append("\" cy=\"").append(num(py))
                    .append("\" r=\"3.5\" fill=\"").append(INK).append("\"/></g>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static void corner(StringBuilder svg, String name, double x1, double y1, double x2, double y2,
                               String fill) {
        svg.append("<rect class=\"").append(name).append("\" x=\"").append(num(x1)).append("\" y=\"")
                .append(num(y1)).append("\" width=\"").append(num(x2 - x1)).append("\" height=\"")
                .append(num(y2 - y1)).append("\" fill=\"").append(fill).append("\"/>");
    }

    private static void axes(StringBuilder svg) {
        svg.append("<g font-size=\"12\" fill=\"").append(INK).append("\">");
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(SIZE)
                .append("\" height=\"").append(SIZE).append("\" fill=\"none\" stroke=\"").append(INK).append("\"/>");
        for (int tick = 0; tick <= 100; tick += 50) {
            text(svg, x(tick), y(0) + 16, "middle", 12, INK, Integer.toString(tick));
            text(svg, x(0) - 6, y(tick) + 4, "end", 12, INK, tick + " %");
        }
        svg.append("</g>");
        text(svg, x(50), y(0) + 34, "middle", 13, INK, "Trust index");
        svg.append("<text x=\"12\" y=\"").append(num(y(50))).append("\" text-anchor=\"middle\" font-size=\"13\"")
                .append(" fill=\"").append(INK).append("\" transform=\"rotate(-90 12 ").append(num(y(50)))
                .append(")\">Answers saying output needs fixing</text>");
    }

    private static void guide(StringBuilder svg, double x1, double y1, double x2, double y2) {
        svg.append("<line class=\"threshold\" x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
                .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"")
                .append(GREY).append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String fill,
                             String text) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"").append(size).append("\" fill=\"").append(fill)
                .append("\">").append(SvgLineChart.escape(text)).append("</text>");
    }

    /** Where a trust index falls across the plot. */
    static double x(double trust) {
        return LEFT + trust / 100 * SIZE;
    }

    /** Where a correction rate falls up the plot. */
    static double y(double correctionPercent) {
        return TOP + SIZE - correctionPercent / 100 * SIZE;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(100, value));
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
