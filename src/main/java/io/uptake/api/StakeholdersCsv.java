package io.uptake.api;

import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.StakeholderPulse;
import java.util.ArrayList;
import java.util.List;

/** The scorecard CSV's stakeholder-pulse columns: the programme's, repeated on each of its workflows' rows. */
final class StakeholdersCsv {

    static final List<String> HEADERS = List.of("stakeholder_quarter", "stakeholders_asked",
            "stakeholders_answered", "stakeholders_confident_percent", "stakeholders_confident_n",
            "stakeholders_fund_percent", "stakeholders_fund_n", "stakeholders_change_mind");

    private StakeholdersCsv() {
    }

    static List<Object> values(ProgrammeScore p) {
        StakeholderPulse s = p.stakeholders();
        List<Object> row = new ArrayList<>();
        if (s.quarter() == null) {
            row.add("");
            row.add("");
            row.add("");
        } else {
            row.add(s.quarter());
            row.add(s.asked());
            row.add(s.answered());
        }
        row.add(ScorecardCsv.value(s.confidentPercent()));
        row.add(ScorecardCsv.n(s.confidentPercent()));
        row.add(ScorecardCsv.value(s.fundPercent()));
        row.add(ScorecardCsv.n(s.fundPercent()));
        row.add(String.join(" | ", s.changeMind()));
        return row;
    }
}
