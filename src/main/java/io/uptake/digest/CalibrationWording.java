package io.uptake.digest;

import io.uptake.message.DigestMessage.Fact;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.TrustCalibration;
import io.uptake.metrics.WorkflowScore;
import java.util.List;

/**
 * Words a workflow's trust calibration for the digest, as one fact after the others: the quadrant's reading
 * ("over-trust: trust 78 but 42 % of answers say output often or always needs fixing"), or, when either figure is
 * hidden, a dash and why, never a number. Without trust or correction answers (a pulse that does not ask both) there
 * is nothing to read and no fact: the Trust line already says what is missing.
 */
final class CalibrationWording {

    static final String LABEL = "Trust calibration";

    private CalibrationWording() {
    }

    static List<Fact> facts(WorkflowScore w, MetricsSettings settings) {
        TrustCalibration c = w.calibration();
        if (c == null || TrustCalibration.NO_DATA.equals(c.quadrant())) {
            return List.of();
        }
        return List.of(new Fact(LABEL, c.isRead() ? c.reading() : DigestWording.DASH + "  (" + c.reading() + ")"));
    }
}
