package io.uptake.digest;

import io.uptake.metrics.CalibrationSettings;
import io.uptake.metrics.TrustCalibration;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest chart's trust calibration panel under each workflow's cohort strip: a small square with the trust
 * index along the bottom (0 to 100) and the share of answers saying output often or always needs fixing up the side
 * (0 to 100 %), the four threshold lines dashed, the over-trust and under-trust corners tinted, the workflow's point,
 * and its quadrant in words beside it. A quadrant that is hidden or has no data draws no point, only why.
 */
final class CalibrationPanel {

    /** The panel's height under the cohort strip. */
    static final int HEIGHT = 84;
    static final int PLOT_LEFT = 80;
    static final int PLOT_TOP = 6;
    static final int PLOT_WIDTH = 120;
    static final int PLOT_HEIGHT = 64;
    static final Color POINT = new Color(0x0b0c0c);
    static final Color OVER = new Color(0xf6d5d5);
    static final Color UNDER = new Color(0xfbe3c7);
    private static final int RADIUS = 4;

    private CalibrationPanel() {
    }

    /** Where the workflow's point goes, relative to the panel's top left; empty when the quadrant is not read. */
    static Optional<int[]> point(TrustCalibration c) {
        if (c == null || !c.isRead()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {x(c.trustIndex().value()), y(c.correctionPercent().value())});
    }

    static int x(double trust) {
        return PLOT_LEFT + (int) Math.round(PLOT_WIDTH * clamp(trust) / 100);
    }

    static int y(double correctionPercent) {
        return PLOT_TOP + PLOT_HEIGHT - (int) Math.round(PLOT_HEIGHT * clamp(correctionPercent) / 100);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(100, value));
    }

    /** Draws the panel with its top left at ({@code left}, {@code top}). */
    static void draw(Graphics2D g, TrustCalibration c, int left, int top) {
        if (c == null) {
            return;
        }
        CalibrationSettings t = c.thresholds();
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        g.setFont(small);
        g.setColor(Color.DARK_GRAY);
        g.drawString("Trust", left + 8, top + 15);
        g.drawString("calibration", left + 8, top + 27);
        // The corners a quadrant names: over-trust top right, under-trust bottom left.
        g.setColor(OVER);
        g.fillRect(left + x(t.highTrust()), top + y(100), x(100) - x(t.highTrust()),
                y(t.frequentCorrections()) - y(100));
        g.setColor(UNDER);
        g.fillRect(left + x(0), top + y(t.rareCorrections()), x(t.lowTrust()) - x(0),
                y(0) - y(t.rareCorrections()));
        Stroke plain = g.getStroke();
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f},
                0f));
        for (int trust : new int[] {t.lowTrust(), t.highTrust()}) {
            g.drawLine(left + x(trust), top + y(0), left + x(trust), top + y(100));
        }
        for (int fixing : new int[] {t.rareCorrections(), t.frequentCorrections()}) {
            g.drawLine(left + x(0), top + y(fixing), left + x(100), top + y(fixing));
        }
        g.setStroke(plain);
        g.drawRect(left + x(0), top + y(100), PLOT_WIDTH, PLOT_HEIGHT);
        g.setColor(Color.DARK_GRAY);
        g.drawString("trust →", left + x(0), top + y(0) + 11);
        g.drawString("fixing % ↑", left + 8, top + y(0) - 2);
        int textLeft = left + x(100) + 12;
        Optional<int[]> point = point(c);
        if (point.isPresent()) {
            g.setColor(POINT);
            g.fillOval(left + point.get()[0] - RADIUS, top + point.get()[1] - RADIUS, 2 * RADIUS, 2 * RADIUS);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            g.drawString(name(c.quadrant()), textLeft, top + 20);
            g.setFont(small);
            g.drawString("trust " + number(c.trustIndex().value()) + " · "
                    + number(c.correctionPercent().value()) + " % need fixing", textLeft, top + 36);
        } else {
            g.drawString(TrustCalibration.SUPPRESSED.equals(c.quadrant()) ? "hidden: too few answers" : "no data",
                    textLeft, top + 20);
        }
        g.setColor(Color.GRAY);
        g.drawString("over-trust: trust " + t.highTrust() + "+, fixes " + t.frequentCorrections() + " %+", textLeft,
                top + 56);
        g.drawString("under-trust: trust ≤ " + t.lowTrust() + ", fixes ≤ " + t.rareCorrections() + " %", textLeft,
                top + 70);
    }

    static String name(String quadrant) {
        return switch (quadrant) {
            case TrustCalibration.OVER_TRUST -> "Over-trust";
            case TrustCalibration.UNDER_TRUST -> "Under-trust";
            case TrustCalibration.CALIBRATED -> "Calibrated";
            default -> quadrant.toLowerCase(Locale.ROOT);
        };
    }

    /** Numbers as the panel words them: whole when they are, else their one decimal. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
