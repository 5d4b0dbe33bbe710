package io.uptake.api;

import io.uptake.metrics.TrustCalibration;
import io.uptake.metrics.WorkflowScore;
import java.util.List;

/**
 * The scorecard CSV's trust calibration columns, at the end of each workflow's row: the quadrant as the scorecard
 * JSON names it ({@code OVER_TRUST}, {@code UNDER_TRUST}, {@code CALIBRATED}, {@code SUPPRESSED}, {@code NO_DATA}),
 * then the trust index and correction rate it was read from, each {@code suppressed} or {@code n/a} when not shown.
 */
final class CalibrationCsv {

    static final List<String> HEADERS = List.of("calibration_quadrant", "calibration_trust_index",
            "calibration_correction_percent");

    private CalibrationCsv() {
    }

    static List<Object> values(WorkflowScore w) {
        TrustCalibration c = w.calibration();
        return List.of(c.quadrant(), ScorecardCsv.value(c.trustIndex()), ScorecardCsv.value(c.correctionPercent()));
    }
}
