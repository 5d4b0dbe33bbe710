package io.uptake.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollout waves of each workflow (issue 19): every stored audience of it, first wave first, with its go-live,
 * its target team size and its members at the end of every week of a window.
 *
 * <p>A wave is live in a week when it has no go-live date or goes live on or before the week's Sunday: it counts
 * from the ISO week of its go-live on. The workflow's team in a week is the sum of its live waves' teams, each the
 * wave's {@code target-team-size} or, without one, its members at the end of that week; a single audience (one
 * wave, live with the workflow) gives exactly the team it always had.
 */
final class WaveReads {

    /**
     * @param audienceId     the stored audience of the wave
     * @param goLive         null: live with the workflow
     * @param targetTeamSize 0 when the file gives none
     * @param membersByWeek  the wave's members at the end of each week of the window, oldest first
     */
    record WaveFacts(long audienceId, String workflowId, int wave, String kind, LocalDate goLive,
                     int targetTeamSize, int[] membersByWeek) {

        boolean emailList() {
            return "emails".equals(kind);
        }

        /** Live in the week beginning {@code monday}: no go-live, or one on or before its Sunday. */
        boolean liveIn(LocalDate monday) {
            return goLive == null || goLive.isBefore(monday.plusWeeks(1));
        }

        TeamSize team(int week) {
            return TeamSize.of(targetTeamSize, membersByWeek[week], emailList());
        }
    }

    private WaveReads() {
    }

    /** The waves of each workflow, first wave first, by workflow id; absent for a workflow without an audience. */
    static Map<String, List<WaveFacts>> read(Connection c, Collection<String> workflowIds, Window window)
            throws SQLException {
        Map<String, List<WaveFacts>> waves = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return waves;
        }
        StringBuilder columns = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < window.weeks(); i++) {
            Instant end = window.monday(i).plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            columns.append(", COUNT(DISTINCT CASE WHEN (m.joined_at IS NULL OR m.joined_at < ?) AND (m.left_at IS NULL"
                    + " OR m.left_at >= ?) THEN m.person_id END) AS w").append(i);
            args.add(end);
            args.add(end);
        }
        Sql.Fragment ids = Sql.in(workflowIds);
        args.add(ids);
        Sql.query(c, "SELECT a.id, a.workflow_id, a.wave, a.kind, a.go_live, a.target_team_size" + columns
                + " FROM read_audience a LEFT JOIN read_membership m ON m.audience_id = a.id"
                + " WHERE a.workflow_id IN (" + ids.sql() + ")"
                + " GROUP BY a.id, a.workflow_id, a.wave, a.kind, a.go_live, a.target_team_size"
                + " ORDER BY a.workflow_id, a.wave", rs -> {
                    int[] members = new int[window.weeks()];
                    for (int i = 0; i < members.length; i++) {
                        members[i] = rs.getInt("w" + i);
                    }
                    waves.computeIfAbsent(rs.getString("workflow_id"), k -> new ArrayList<>())
                            .add(new WaveFacts(rs.getLong("id"), rs.getString("workflow_id"), rs.getInt("wave"),
                                    rs.getString("kind"), Sql.date(rs, "go_live"), rs.getInt("target_team_size"),
                                    members));
                }, args.toArray());
        return waves;
    }

    /** True when the workflow rolls out in waves: more than one, or a single one with a go-live date. */
    static boolean rolledOut(List<WaveFacts> waves) {
        return waves != null && (waves.size() > 1 || waves.stream().anyMatch(w -> w.goLive() != null));
    }

    /**
     * The workflow's team in week {@code week} of the window: the sum of its live waves' teams; its basis the
     * target when every live wave gives one, else members (listed when every wave without a target is an email
     * list, else synced).
     */
    static TeamSize team(List<WaveFacts> waves, Window window, int week) {
        int total = 0;
        boolean allTargets = true;
        boolean listed = true;
        for (WaveFacts wave : waves) {
            if (wave.liveIn(window.monday(week))) {
                total += wave.team(week).value();
                if (wave.targetTeamSize() <= 0) {
                    allTargets = false;
                    listed &= wave.emailList();
                }
            }
        }
        return new TeamSize(total, allTargets ? TeamSize.Basis.TARGET
                : listed ? TeamSize.Basis.LISTED : TeamSize.Basis.SYNCED_MEMBERS);
    }
}
