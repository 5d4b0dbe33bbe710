package io.uptake.api;

import io.uptake.metrics.WorkflowScore;
import java.util.List;

/** The scorecard CSV's trust calibration columns, at the end of each workflow's row. */
final class CalibrationCsv {

    static final List<String> HEADERS = List.of();

    private CalibrationCsv() {
    }

    static List<Object> values(WorkflowScore w) {
        return List.of();
    }
}
