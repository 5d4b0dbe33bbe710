package io.uptake.digest;

import io.uptake.metrics.Cohorts;
import io.uptake.metrics.Figure;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Rounding;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.WeekPoint;
import io.uptake.metrics.WorkflowScore;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a digest's chart with JFreeChart: one small line chart per workflow of WAU% and trust index over its
 * last 12 weeks, laid out in a grid on one PNG. A week whose figure is suppressed or missing has no point, so
 * the line shows a gap there rather than a value anyone could read off. Under each chart a strip shows the scored
 * week's cohorts by days of use as one stacked bar; cohorts that are hidden share one grey "hidden" piece, whose
 * size (100% less the shown ones) anyone could work out anyway. Under the strip, {@link CalibrationPanel} places
 * the workflow's trust against its correction rate.
 */
public final class DigestChartRenderer {

    static final String WAU = "WAU %";
    static final String TRUST = "Trust index";
    /** More panels than this would make an image too large to read in a channel. */
    static final int MAX_PANELS = 60;

    private static final int COLUMNS = 3;
    private static final int PANEL_WIDTH = 420;
    private static final int PANEL_HEIGHT = 240;
    private static final int FOOTER = 28;
    /** The cohort strip under each panel. */
    static final int STRIP = 26;
    /** The trust calibration panel under the strip. */
    static final int CALIBRATION = CalibrationPanel.HEIGHT;
    /** One workflow's height: its chart, its cohort strip and its calibration panel. */
    static final int ROW = PANEL_HEIGHT + STRIP + CALIBRATION;
    private static final Color HIDDEN = new Color(0xbdbdbd);
    private static final double AXIS_STEP = 25;

    static {
        // Rendering runs on servers without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private DigestChartRenderer() {
    }

    /** The chart as PNG bytes. */
    public static byte[] png(Scorecard scorecard) {
        List<WorkflowScore> workflows = scorecard.programmes().stream().map(ProgrammeScore::workflows)
                .flatMap(List::stream).toList();
        List<WorkflowScore> shown = workflows.stream().limit(MAX_PANELS).toList();
        int rows = Math.max(1, (shown.size() + COLUMNS - 1) / COLUMNS);
        int columns = Math.max(1, Math.min(COLUMNS, shown.size()));
        BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * ROW + FOOTER,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < shown.size(); i++) {
                int x = (i % COLUMNS) * PANEL_WIDTH;
                int y = (i / COLUMNS) * ROW;
                chart(shown.get(i)).draw(g, new Rectangle2D.Double(x, y, PANEL_WIDTH, PANEL_HEIGHT));
                strip(g, shown.get(i).cohorts(), x, y + PANEL_HEIGHT);
                CalibrationPanel.draw(g, shown.get(i).calibration(), x, y + PANEL_HEIGHT + STRIP);
            }
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            String footer = "Week " + scorecard.week() + ". Gaps: too few answers to show, or no data."
                    + (workflows.size() > shown.size() ? " First " + shown.size() + " of " + workflows.size()
                    + " workflows." : "");
            g.drawString(footer, 8, rows * ROW + 18);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the digest chart", e);
        }
    }

    /** One piece of the cohort strip: its label, its share in percent and its colour. */
    record Segment(String label, double percent, Color color) {
    }

    /**
     * The cohort strip's pieces, heaviest first: each shown cohort, then one "hidden" piece for the rest when any is
     * hidden. Empty when none is shown.
     */
    static List<Segment> segments(Cohorts cohorts) {
        List<Figure> figures = List.of(cohorts.heavy(), cohorts.moderate(), cohorts.light(), cohorts.none());
        String[] labels = {"heavy", "moderate", "light", "none"};
        Color[] colors = {new Color(0x08519c), new Color(0x3182bd), new Color(0x9ecae1), new Color(0xf0f0f0)};
        List<Segment> segments = new ArrayList<>();
        double shown = 0;
        for (int i = 0; i < figures.size(); i++) {
            if (figures.get(i).isShown()) {
                segments.add(new Segment(labels[i], figures.get(i).value(), colors[i]));
                shown += figures.get(i).value();
            }
        }
        if (!segments.isEmpty() && figures.stream().anyMatch(f -> !f.isShown())) {
            segments.add(new Segment("hidden", Math.max(0, 100 - shown), HIDDEN));
        }
        return segments;
    }

    /** Draws the strip: "Days of use" and the stacked bar, or why there is none. */
    private static void strip(Graphics2D g, Cohorts cohorts, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.setColor(Color.DARK_GRAY);
        g.drawString("Days of use", x + 8, y + 15);
        List<Segment> segments = segments(cohorts);
        if (segments.isEmpty()) {
            g.drawString(cohorts.none().state() == Figure.State.NO_DATA ? "no data" : "hidden: too few people",
                    x + 80, y + 15);
            return;
        }
        int left = x + 80;
        int width = PANEL_WIDTH - 96;
        double total = segments.stream().mapToDouble(Segment::percent).sum();
        double at = 0;
        for (Segment segment : segments) {
            int from = left + (int) Math.round(width * at / Math.max(100, total));
            at += segment.percent();
            int to = left + (int) Math.round(width * at / Math.max(100, total));
            g.setColor(segment.color());
            g.fillRect(from, y + 4, Math.max(0, to - from), 16);
            String text = segment.label() + " " + Rounding.whole(segment.percent()) + "%";
            if (g.getFontMetrics().stringWidth(text) + 4 <= to - from) {
                g.setColor(segment.color().getRed() + segment.color().getGreen() < 300 ? Color.WHITE
                        : Color.DARK_GRAY);
                g.drawString(text, from + 3, y + 16);
            }
        }
        g.setColor(Color.GRAY);
        g.drawRect(left, y + 4, width, 16);
    }

    /** The data of one workflow's panel: a null value is a gap. */
    static DefaultCategoryDataset dataset(WorkflowScore workflow) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (WeekPoint point : workflow.history()) {
            String week = point.week().length() > 5 ? point.week().substring(5) : point.week();
            data.addValue(value(point.wauPercent()), WAU, week);
            data.addValue(value(point.trustIndex()), TRUST, week);
        }
        return data;
    }

    /**
     * The top of the percent axis: 100, or the next multiple of 25 above the highest value when a WAU% is above
     * 100 (more people used the workflow than its target team has), so no point is drawn off the chart.
     */
    static double axisTop(DefaultCategoryDataset data) {
        double highest = 0;
        for (int row = 0; row < data.getRowCount(); row++) {
            for (int column = 0; column < data.getColumnCount(); column++) {
                Number value = data.getValue(row, column);
                if (value != null) {
                    highest = Math.max(highest, value.doubleValue());
                }
            }
        }
        return Math.max(100, Math.ceil(highest / AXIS_STEP) * AXIS_STEP);
    }

    private static Double value(Figure figure) {
        return figure.isShown() ? figure.value() : null;
    }

    /** One workflow's panel. */
    static JFreeChart chart(WorkflowScore workflow) {
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xd62728));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        CategoryAxis weeks = new CategoryAxis();
        weeks.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        weeks.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        DefaultCategoryDataset data = dataset(workflow);
        NumberAxis percent = new NumberAxis();
        percent.setRange(0, axisTop(data));
        CategoryPlot plot = new CategoryPlot(data, weeks, percent, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        String name = workflow.name().length() > 60 ? workflow.name().substring(0, 59) + "…" : workflow.name();
        chart.setTitle(new TextTitle(name, new Font(Font.SANS_SERIF, Font.BOLD, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
