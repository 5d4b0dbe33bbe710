package io.uptake.api;

import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.ProgrammeScore;
import java.util.ArrayList;
import java.util.List;

/**
 * The scorecard CSV's programme-ownership columns: the programme's owner, its own outcome and check-in, its reasons
 * (the ownership reason first when it keeps the programme from leverage) and flags, then its outcome claimed vs
 * measured (as {@link OutcomeGapCsv} has them for a workflow), repeated on each workflow row.
 */
final class ProgrammeOwnershipCsv {

    static final List<String> HEADERS = List.of("programme_owner", "programme_outcome_metric",
            "programme_outcome_baseline", "programme_outcome_target", "programme_outcome_current",
            "programme_outcome_progress_percent", "programme_outcome_status", "programme_checkin",
            "programme_reasons", "programme_flags", "programme_outcome_claimed", "programme_outcome_measured",
            "programme_outcome_measured_on", "programme_outcome_gap_percent", "programme_outcome_gap_flagged");

    private ProgrammeOwnershipCsv() {
    }

    static List<Object> values(ProgrammeScore p) {
        List<Object> row = new ArrayList<>();
        row.add(p.ownerEmail() == null ? "" : p.ownerEmail());
        OutcomeProgress o = p.outcome();
        if (o == null) {
            row.addAll(List.of("", "", "", "", "", "", ""));
        } else {
            row.addAll(List.of(o.metric(), ScorecardCsv.plain(o.baseline()), ScorecardCsv.plain(o.target()),
                    ScorecardCsv.plain(o.current()), ScorecardCsv.value(o.progress()),
                    o.status() == null ? "" : o.status(), o.checkinState()));
        }
        row.add(String.join("; ", p.reasons()));
        row.add(String.join("; ", p.flags()));
        row.addAll(OutcomeGapCsv.values(o));
        return row;
    }
}
