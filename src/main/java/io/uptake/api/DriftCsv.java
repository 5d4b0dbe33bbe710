package io.uptake.api;

import io.uptake.metrics.Drift;
import io.uptake.metrics.WorkflowScore;
import java.time.LocalDate;
import java.util.List;

/**
 * The scorecard CSV's drift columns, at the end of each workflow's row. Tried-and-stopped is not repeated: it is the
 * cohorts' {@code tried_and_stopped_percent}. Dates are ISO days, empty where there is none; {@code drift_judged_on} is
 * the last complete week a week still running has its drift judged on, empty for a complete week.
 */
final class DriftCsv {

    static final List<String> HEADERS = List.of("wau_falling_weeks", "wau_peak_percent",
            "wau_drop_from_peak_percent", "never_started_percent", "never_started_n", "first_quarter_launched",
            "first_quarter_deadline", "first_quarter_state", "first_quarter_met_on", "drift_judged_on");

    private DriftCsv() {
    }

    static List<Object> values(WorkflowScore w) {
        Drift d = w.drift();
        Drift.FirstQuarter q = d.firstQuarter();
        return List.of(d.fallingWeeks(), ScorecardCsv.value(d.peakWauPercent()), ScorecardCsv.value(d.dropFromPeak()),
                ScorecardCsv.value(d.neverStarted()), ScorecardCsv.n(d.neverStarted()), day(q.launched()),
                day(q.deadline()), q.state(), day(q.metOn()), d.judgedOn() == null ? "" : d.judgedOn());
    }

    private static String day(LocalDate day) {
        return day == null ? "" : day.toString();
    }
}
