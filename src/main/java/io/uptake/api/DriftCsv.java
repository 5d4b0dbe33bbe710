package io.uptake.api;

import io.uptake.metrics.WorkflowScore;
import java.util.List;

/** The scorecard CSV's drift columns, at the end of each workflow's row. */
final class DriftCsv {

    static final List<String> HEADERS = List.of();

    private DriftCsv() {
    }

    static List<Object> values(WorkflowScore w) {
        return List.of();
    }
}
