package io.uptake.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * Where digests, chat and nudges read a week's figures: {@link io.uptake.metrics.ComputeScorecard} in service (see
 * {@link ScorecardSources}); tests put hand-built scorecards here without depending on how the metrics are
 * computed or constructed.
 */
@FunctionalInterface
public interface ScorecardSource {

    Scorecard forWeek(LocalDate weekStart, List<String> programmeIds);
}
