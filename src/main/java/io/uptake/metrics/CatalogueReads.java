package io.uptake.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the programmes, workflows, outcomes, stage history and audience sizes a scorecard is about, each as it
 * stood in the scored week.
 */
final class CatalogueReads {

    record ProgrammeFacts(String id, String name, String sponsorEmail, List<WorkflowFacts> workflows) {
    }

    record OutcomeFacts(String metric, String unit, String direction, BigDecimal baseline, BigDecimal target) {
    }

    /** One entry of a workflow's stage history: it entered {@code stage} on {@code since}. */
    record StageEntry(String stage, LocalDate since) {
    }

    /**
     * @param stages  every stage change recorded for the workflow, oldest first, its current stage included; a
     *                workflow that went back to a stage it had left has that stage more than once
     * @param retiredOn the day (UTC) the workflow left the catalogue or reached the retired stage; null while it is
     *                  live, {@link LocalDate#MIN} when it is retired since a day not recorded
     * @param audienceSize the people in the audience at the end of the scored week
     * @param emailList whether the audience is an {@code emails:} list (else a chat platform's)
     * @param ownerName the name the owner goes by, where a chat platform told Uptake one; null otherwise
     */
    record WorkflowFacts(String id, String programmeId, String name, String stage, LocalDate stageSince,
                         String ownerEmail, int targetTeamSize, BigDecimal cycleBaselineMinutes,
                         LocalDate retiredOn, OutcomeFacts outcome, List<StageEntry> stages, int audienceSize,
                         boolean emailList, String ownerName) {

        /**
         * Whether the workflow was live during the week beginning {@code monday}: not retired before its Tuesday,
         * so a workflow retired on a Monday is still in the week before and out of that week.
         */
        boolean liveDuring(LocalDate monday) {
            return retiredOn == null || retiredOn.isAfter(monday);
        }

        /** The first day the workflow was ever in a stage, or null if it never was. */
        LocalDate firstDay(String stage) {
            return stages.stream().filter(e -> e.stage().equals(stage)).map(StageEntry::since).findFirst()
                    .orElse(null);
        }
    }

    private CatalogueReads() {
    }

    /**
     * The programmes named (when none are, every one live during the week beginning {@code monday}: not retired
     * before its Tuesday), in id order, each with all its workflows; of both, only those Uptake knew by the end of
     * the week (first loaded before the next Monday, UTC). A workflow first loaded later, whatever its
     * {@code stage-since}, is no part of a week whose digests never showed it: not scored, not counted as a pilot.
     * The first load that declared any, though, counts for every week before it: Uptake reported nothing then, so
     * the history a new installation brings (its first file, telemetry back-filled) contradicts no digest.
     */
    static List<ProgrammeFacts> read(Connection c, List<String> programmeIds, LocalDate monday) throws SQLException {
        Map<String, String[]> programmes = new LinkedHashMap<>();
        Instant end = monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String where = programmeIds.isEmpty() ? "(p.retired_at IS NULL OR p.retired_at >= ?)"
                : "p.id IN (" + Sql.in(programmeIds).sql() + ")";
        Sql.query(c, "SELECT p.id, p.name, p.sponsor_email FROM read_programme p "
                + "JOIN read_programme_owner known ON known.programme_id = p.id WHERE " + where
                + " AND (known.created_at < ? OR known.created_at <= (SELECT MIN(earliest.created_at) "
                + "FROM read_programme_owner earliest)) ORDER BY p.id",
                rs -> programmes.put(rs.getString("id"), new String[] {rs.getString("name"),
                        rs.getString("sponsor_email")}),
                programmeIds.isEmpty() ? new Object[] {monday.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        end} : new Object[] {Sql.in(programmeIds), end});
        if (programmes.isEmpty()) {
            return List.of();
        }
        Sql.Fragment ids = Sql.in(programmes.keySet());
        Map<String, OutcomeFacts> outcomes = new HashMap<>();
        Sql.query(c, "SELECT o.workflow_id, o.metric, o.unit, o.direction, o.baseline, o.target FROM read_outcome o "
                + "JOIN read_workflow w ON w.id = o.workflow_id WHERE w.programme_id IN (" + ids.sql() + ")",
                rs -> outcomes.put(rs.getString("workflow_id"), new OutcomeFacts(rs.getString("metric"),
                        rs.getString("unit"), rs.getString("direction"), Sql.decimal(rs, "baseline"),
                        Sql.decimal(rs, "target"))), ids);
        Map<String, List<StageEntry>> stages = new HashMap<>();
        // A retirement taken back by a later entry that restates an earlier start (the file restored after it was
        // emptied or cut off) never happened for the weeks in between.
        Sql.query(c, "SELECT s.workflow_id, s.stage, s.since FROM read_workflow_stage s "
                + "JOIN read_workflow w ON w.id = s.workflow_id WHERE w.programme_id IN (" + ids.sql() + ") "
                + "AND NOT (s.stage = 'retired' AND EXISTS (SELECT 1 FROM read_workflow_stage later "
                + "WHERE later.workflow_id = s.workflow_id AND later.id > s.id AND later.stage <> 'retired' "
                + "AND later.since <= s.since)) "
                + "ORDER BY s.since, s.id",
                rs -> stages.computeIfAbsent(rs.getString("workflow_id"), k -> new ArrayList<>())
                        .add(new StageEntry(rs.getString("stage"), Sql.date(rs, "since"))), ids);
        // The audience of the week: the people in it at its end, so a later sync leaves a past week's size alone.
        Map<String, Integer> audience = new HashMap<>();
        Set<String> emailLists = new HashSet<>();
        // Only the rollout waves live by the week's end count (a wave from the ISO week of its go-live on), each
        // person once; the audience is an email list when every wave is one.
        Sql.query(c, "SELECT a.workflow_id, MIN(CASE WHEN a.kind = 'emails' THEN 1 ELSE 0 END) AS emails, "
                + "COUNT(DISTINCT CASE WHEN a.go_live IS NULL OR a.go_live < ? THEN m.person_id END) AS members "
                + "FROM read_audience a JOIN read_workflow w ON w.id = a.workflow_id "
                + "LEFT JOIN read_membership m ON m.audience_id = a.id AND (m.joined_at IS NULL OR m.joined_at < ?) "
                + "AND (m.left_at IS NULL OR m.left_at >= ?) "
                + "WHERE w.programme_id IN (" + ids.sql() + ") GROUP BY a.workflow_id", rs -> {
                    audience.put(rs.getString("workflow_id"), rs.getInt("members"));
                    if (rs.getInt("emails") == 1) {
                        emailLists.add(rs.getString("workflow_id"));
                    }
                }, monday.plusWeeks(1), end, end, ids);
        Map<String, List<WorkflowFacts>> workflows = new HashMap<>();
        // The owner's name as the digest shows it (digest/OwnerNames): a person's display name, never an erased one.
        Sql.query(c, "SELECT id, programme_id, name, stage, stage_since, owner_email, target_team_size, "
                + "cycle_baseline_minutes, retired_at, (SELECT MAX(p.display_name) FROM read_person_name p "
                + "WHERE LOWER(p.email) = LOWER(TRIM(workflow.owner_email))) AS owner_name "
                + "FROM read_workflow workflow WHERE programme_id IN (" + ids.sql() + ") "
                + "AND (workflow.created_at < ? OR workflow.created_at <= (SELECT MIN(earliest.created_at) "
                + "FROM read_workflow earliest)) ORDER BY id", rs -> {
                    String id = rs.getString("id");
                    List<StageEntry> history = new ArrayList<>(stages.getOrDefault(id, List.of()));
                    StageEntry current = new StageEntry(rs.getString("stage"), Sql.date(rs, "stage_since"));
                    if (current.since() != null && !history.contains(current)) {
                        history.add(current);
                        history.sort(Comparator.comparing(StageEntry::since));
                    }
                    Instant retiredAt = Sql.instant(rs, "retired_at");
                    LocalDate retiredOn = retiredAt != null ? LocalDate.ofInstant(retiredAt, ZoneOffset.UTC)
                            : "retired".equals(rs.getString("stage")) ? Optional.ofNullable(current.since())
                            .orElse(LocalDate.MIN) : null;
                    workflows.computeIfAbsent(rs.getString("programme_id"), k -> new ArrayList<>())
                            .add(new WorkflowFacts(id, rs.getString("programme_id"), rs.getString("name"),
                                    rs.getString("stage"), Sql.date(rs, "stage_since"), rs.getString("owner_email"),
                                    rs.getInt("target_team_size"), Sql.decimal(rs, "cycle_baseline_minutes"),
                                    retiredOn, outcomes.get(id), history, audience.getOrDefault(id, 0),
                                    emailLists.contains(id), name(rs.getString("owner_name"))));
                }, ids, end);
        return programmes.entrySet().stream().map(p -> new ProgrammeFacts(p.getKey(), p.getValue()[0],
                p.getValue()[1], workflows.getOrDefault(p.getKey(), List.of()))).toList();
    }

    private static String name(String displayName) {
        return displayName == null || displayName.isBlank() ? null : displayName.strip();
    }
}
