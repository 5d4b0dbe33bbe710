package io.uptake.api;

import io.uptake.metrics.WorkflowScore;
import java.util.List;

/** The scorecard CSV's blockers columns, at the end of each workflow's row. */
final class BlockersCsv {

    static final List<String> HEADERS = List.of();

    private BlockersCsv() {
    }

    static List<Object> values(WorkflowScore w) {
        return List.of();
    }
}
