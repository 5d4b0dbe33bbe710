package io.uptake.digest;

import io.uptake.message.DigestMessage.Fact;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.WorkflowScore;
import java.util.List;

/** Words a workflow's what is in the way for the digest, as facts after the others. */
final class BlockerWording {

    private BlockerWording() {
    }

    static List<Fact> facts(WorkflowScore w, MetricsSettings settings) {
        return List.of();
    }
}
