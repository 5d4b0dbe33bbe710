package io.uptake.metrics;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;

/** Computes the scorecard of an ISO week for some programmes (all active ones when the list is empty). */
@Singleton
public class ComputeScorecard {

    /**
     * @param weekStart the Monday of the ISO week to score
     * @param programmeIds programme ids, or empty for every active programme
     */
    public Scorecard forWeek(LocalDate weekStart, List<String> programmeIds) {
        throw new UnsupportedOperationException("not built yet");
    }
}
