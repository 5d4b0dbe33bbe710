package io.uptake.api;

import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.WaveScore;
import io.uptake.metrics.WorkflowScore;

/**
 * The per-wave CSV ({@code GET /api/v1/export/waves.csv}): one row per rollout wave of each workflow rolled out in
 * waves, for comparing waves. A wave not live by the end of the week has {@code live} false and n/a figures;
 * suppressed cells say so, never a number. Trust and cycle time are not split by wave (n/a).
 */
final class WavesCsv {

    static final String[] HEADERS = {"week", "programme", "workflow", "wave", "audience_kind", "go_live", "live",
        "team_size", "team_size_basis", "wau_percent", "wau_n", "wau_source", "habit_percent", "habit_n",
        "trust_index", "trust_n", "cycle_time_median", "cycle_time_n"};

    private WavesCsv() {
    }

    static String waves(Scorecard card) {
        return ScorecardCsv.write(HEADERS, rows -> {
            for (ProgrammeScore p : card.programmes()) {
                for (WorkflowScore w : p.workflows()) {
                    for (WaveScore wave : w.waves()) {
                        rows.printRecord(card.week(), p.programmeId(), w.workflowId(), wave.wave(),
                                wave.audienceKind(), wave.goLive() == null ? "" : wave.goLive().toString(),
                                wave.live(), wave.teamSize().value(), wave.teamSize().basis(),
                                ScorecardCsv.value(wave.wauPercent()), ScorecardCsv.n(wave.wauPercent()),
                                wave.wauPercent().source(), ScorecardCsv.value(wave.habitPercent()),
                                ScorecardCsv.n(wave.habitPercent()), ScorecardCsv.value(wave.trustIndex()),
                                ScorecardCsv.n(wave.trustIndex()), ScorecardCsv.value(wave.cycleTimeMedian()),
                                ScorecardCsv.n(wave.cycleTimeMedian()));
                    }
                }
            }
        });
    }
}
