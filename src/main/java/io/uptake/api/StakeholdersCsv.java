package io.uptake.api;

import io.uptake.metrics.ProgrammeScore;
import java.util.List;

/** The scorecard CSV's stakeholder-pulse columns: the programme's, repeated on each of its workflows' rows. */
final class StakeholdersCsv {

    static final List<String> HEADERS = List.of();

    private StakeholdersCsv() {
    }

    static List<Object> values(ProgrammeScore p) {
        return List.of();
    }
}
