package io.uptake.digest;

import io.uptake.message.DigestMessage.Fact;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.WorkflowScore;
import java.util.List;

/** Words a workflow's drift-back and decay for the digest, as facts after the others. */
final class DriftWording {

    private DriftWording() {
    }

    static List<Fact> facts(WorkflowScore w, MetricsSettings settings) {
        return List.of();
    }
}
