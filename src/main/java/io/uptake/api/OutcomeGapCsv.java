package io.uptake.api;

import io.uptake.metrics.OutcomeGapWording;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.WorkflowScore;
import java.math.BigDecimal;
import java.util.List;

/**
 * The scorecard CSV's claimed-vs-measured columns: the value the owner claimed in their last check-in, the latest
 * measured value on or before the week's end and its day, the gap in percent of the measured value, and whether
 * it is flagged. Empty where a value does not exist. The programme's own outcome has the same five, prefixed
 * {@code programme_} ({@link ProgrammeOwnershipCsv}).
 */
final class OutcomeGapCsv {

    static final List<String> HEADERS = List.of("outcome_claimed", "outcome_measured", "outcome_measured_on",
            "outcome_gap_percent", "outcome_gap_flagged");

    private OutcomeGapCsv() {
    }

    static List<Object> values(WorkflowScore w) {
        return values(w.outcome());
    }

    /** The five values of an outcome, a workflow's or a programme's own; all empty without one. */
    static List<Object> values(OutcomeProgress o) {
        if (o == null) {
            return List.of("", "", "", "", "");
        }
        return List.of(plain(o.claimed()), plain(o.measured()), o.measuredOn() == null ? "" : o.measuredOn().toString(),
                o.gapPercent() == null ? "" : o.gapPercent().toString(), o.gapFlagged());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : OutcomeGapWording.number(value);
    }
}
