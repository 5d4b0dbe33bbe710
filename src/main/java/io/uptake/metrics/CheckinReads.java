package io.uptake.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads outcome check-in cycles and check-ins (a handful per workflow and quarter). */
final class CheckinReads {

    record Cycle(long id, String period, Instant openedAt, Instant escalatedAt, Instant completedAt) {
    }

    record Checkin(long cycleId, BigDecimal value, String status, int confidence, Instant submittedAt) {
    }

    record CheckinFacts(List<Cycle> cycles, List<Checkin> checkins) {
    }

    private CheckinReads() {
    }

    static Map<String, CheckinFacts> read(Connection c, Collection<String> workflowIds) throws SQLException {
        Map<String, CheckinFacts> facts = new HashMap<>();
        for (String id : workflowIds) {
            facts.put(id, new CheckinFacts(new ArrayList<>(), new ArrayList<>()));
        }
        if (workflowIds.isEmpty()) {
            return facts;
        }
        Sql.Fragment ids = Sql.in(workflowIds);
        Sql.query(c, "SELECT id, workflow_id, period, opened_at, escalated_at, completed_at FROM read_checkin_cycle "
                + "WHERE workflow_id IN (" + ids.sql() + ") ORDER BY opened_at",
                rs -> facts.get(rs.getString("workflow_id")).cycles().add(new Cycle(rs.getLong("id"),
                        rs.getString("period"), Sql.instant(rs, "opened_at"), Sql.instant(rs, "escalated_at"),
                        Sql.instant(rs, "completed_at"))), ids);
        Sql.query(c, "SELECT c.workflow_id, k.cycle_id, k.value, k.status, k.confidence, k.submitted_at "
                + "FROM read_checkin k JOIN read_checkin_cycle c ON c.id = k.cycle_id "
                + "WHERE c.workflow_id IN (" + ids.sql() + ") ORDER BY k.submitted_at, k.id",
                rs -> facts.get(rs.getString("workflow_id")).checkins().add(new Checkin(rs.getLong("cycle_id"),
                        Sql.decimal(rs, "value"), rs.getString("status"), rs.getInt("confidence"),
                        Sql.instant(rs, "submitted_at"))), ids);
        return facts;
    }
}
