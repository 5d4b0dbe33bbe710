package io.uptake.web.programmes;

import io.uptake.metrics.CalibrationSettings;
import io.uptake.metrics.Figure;
import io.uptake.metrics.TrustCalibration;
import io.uptake.metrics.WorkflowScore;
import io.uptake.web.chart.CalibrationPlot;
import io.uptake.web.chart.SvgCalibrationPlot;
import java.util.List;

/**
 * A workflow's trust calibration as its page shows it: the quadrant in words, its reading, the plot, and the two
 * figures it was read from with the thresholds, as the plot's text alternative. The plot's point is drawn only
 * when the quadrant was read, that is when both figures are shown.
 *
 * @param quadrant   the quadrant in words: "Over-trust", "Under-trust", "Calibrated", "Hidden" or "No data"
 * @param reading    the plain sentence the digest uses too
 * @param figures    the trust index and the correction rate, each with its n, source and state
 * @param thresholds what over-trust and under-trust mean here, in words
 * @param svg        the plot
 */
record CalibrationView(String quadrant, String reading, List<WorkflowFigures.FigureLine> figures,
                       String thresholds, String svg) {

    static CalibrationView of(WorkflowScore w, FigureText text) {
        TrustCalibration c = w.calibration();
        CalibrationSettings t = c.thresholds();
        String quadrant = switch (c.quadrant()) {
            case TrustCalibration.OVER_TRUST -> "Over-trust";
            case TrustCalibration.UNDER_TRUST -> "Under-trust";
            case TrustCalibration.CALIBRATED -> "Calibrated";
            case TrustCalibration.SUPPRESSED -> "Hidden";
            default -> "No data";
        };
        List<WorkflowFigures.FigureLine> figures = List.of(
                line("Trust index (0–100)", c.trustIndex(), "", text),
                line("Answers saying output often or always needs fixing", c.correctionPercent(), " %", text));
        String thresholds = "Over-trust: a trust index of " + t.highTrust() + " or more while " + t
                .frequentCorrections() + " % or more of answers say output often or always needs fixing. "
                + "Under-trust: a trust index of " + t.lowTrust() + " or less while " + t.rareCorrections()
                + " % or less say so. Anything else is calibrated.";
        boolean read = c.isRead();
        String svg = SvgCalibrationPlot.render(new CalibrationPlot("calibration-" + w.workflowId(),
                "Trust index against the share of answers saying output needs fixing, for " + w.name()
                        + ", with the over-trust and under-trust thresholds",
                read ? c.trustIndex().value() : null, read ? c.correctionPercent().value() : null, t.highTrust(),
                t.lowTrust(), t.frequentCorrections(), t.rareCorrections()));
        return new CalibrationView(quadrant, c.reading(), figures, thresholds, svg);
    }

    private static WorkflowFigures.FigureLine line(String name, Figure f, String unit, FigureText text) {
        return new WorkflowFigures.FigureLine(name, text.value(f, unit), FigureText.n(f), FigureText.source(f),
                FigureText.state(f));
    }
}
