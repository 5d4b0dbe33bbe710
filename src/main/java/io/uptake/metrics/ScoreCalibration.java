package io.uptake.metrics;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Places a workflow's trust against its correction rate, both as the week's scorecard shows them: each has already
 * been through {@link Anonymity}, and the quadrant is read only when both are shown. When either is suppressed the
 * quadrant is too (before "no data": there were answers, too few of them), so it can never stand in for a hidden
 * figure; when either has no answers there is nothing to read.
 */
@Singleton
class ScoreCalibration {

    private final CalibrationSettings thresholds;
    private final int minRespondents;

    ScoreCalibration(CalibrationSettings thresholds, Anonymity anonymity) {
        this.thresholds = thresholds;
        this.minRespondents = anonymity.minRespondents();
    }

    TrustCalibration score(WorkflowScore scored) {
        return read(scored.trustIndex(), scored.correctionPercent());
    }

    TrustCalibration read(Figure trust, Figure correction) {
        List<String> hidden = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        sort(trust, "trust", hidden, missing);
        sort(correction, "correction", hidden, missing);
        if (!hidden.isEmpty()) {
            return new TrustCalibration(TrustCalibration.SUPPRESSED, trust, correction, "hidden: fewer than "
                    + minRespondents + " answers on " + String.join(" and ", hidden), thresholds);
        }
        if (!missing.isEmpty()) {
            return new TrustCalibration(TrustCalibration.NO_DATA, trust, correction, missing.size() == 2
                    ? "no trust or correction answers" : "no " + missing.get(0) + " answers", thresholds);
        }
        double t = trust.value();
        double c = correction.value();
        String trustText = "trust " + number(t);
        String fixing = number(c) + " % of answers say output often or always needs fixing";
        if (t >= thresholds.highTrust() && c >= thresholds.frequentCorrections()) {
            return new TrustCalibration(TrustCalibration.OVER_TRUST, trust, correction,
                    "over-trust: " + trustText + " but " + fixing, thresholds);
        }
        if (t <= thresholds.lowTrust() && c <= thresholds.rareCorrections()) {
            return new TrustCalibration(TrustCalibration.UNDER_TRUST, trust, correction,
                    "under-trust: " + trustText + " though only " + fixing, thresholds);
        }
        return new TrustCalibration(TrustCalibration.CALIBRATED, trust, correction,
                "calibrated: " + trustText + " and " + fixing, thresholds);
    }

    private static void sort(Figure figure, String name, List<String> hidden, List<String> missing) {
        if (figure.state() == Figure.State.SUPPRESSED) {
            hidden.add(name);
        } else if (figure.state() == Figure.State.NO_DATA) {
            missing.add(name);
        }
    }

    /** A figure as the reading words it: whole when it is, else its one decimal, so the words match the quadrant. */
    static String number(double value) {
        double one = Rounding.oneDecimal(value);
        return one == Math.rint(one) ? Long.toString((long) one) : Double.toString(one);
    }
}
