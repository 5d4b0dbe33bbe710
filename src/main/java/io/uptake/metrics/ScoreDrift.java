package io.uptake.metrics;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads whether each workflow's use drifts back: falling WAU, tried-and-stopped, never-started, first quarter. */
@Singleton
class ScoreDrift {

    /**
     * @param live   the workflows scored, as the catalogue stood in the week
     * @param scored their scores so far, by workflow id (WAU, history and cohorts are in)
     */
    Map<String, Drift> score(Connection c, List<CatalogueReads.WorkflowFacts> live, Map<String, WorkflowScore> scored,
                             Window window) throws SQLException {
        Map<String, Drift> all = new HashMap<>();
        live.forEach(w -> all.put(w.id(), Drift.noData()));
        return all;
    }
}
