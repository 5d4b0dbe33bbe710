package io.uptake.metrics;

import io.uptake.catalog.CheckinPolicy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Judges a programme by its own owner and outcome. A programme at leverage needs an owner who can name its outcome
 * this quarter: an owner named in the programmes file, a programme {@code outcome}, and the owner's check-in on it
 * for the scored week's period either in (CURRENT) or still within its grace (DUE: the cycle is open and the
 * check-ins' escalate-after has not passed). With no owner, no outcome, or the check-in MISSED (escalated or past
 * its escalate-after) or NONE (no cycle and no check-in this period), the programme is ACTIVITY whatever its
 * workflows show, and the reason that says why comes first.
 *
 * <p>Its age runs from the earlier of the day the programme was first loaded from the file and the earliest day any
 * of its workflows entered a stage. A programme strictly older than {@code uptake.metrics.programme-outcome-age}
 * (12 months by default) whose outcome is not moving (no outcome, no check-in on it, or a last value not beyond the
 * baseline towards the target) is flagged "N months in and no outcome", N its whole months.
 */
@Singleton
public class ScoreProgrammeOwnership {

    /**
     * What is stored of a programme's own owner, first load, outcome and check-ins, and the latest value measured of
     * its outcome on or before the scored week's last day (null without one).
     */
    record Facts(String ownerEmail, LocalDate loadedOn, CatalogueReads.OutcomeFacts outcome,
                 CheckinReads.CheckinFacts checkins, OutcomeValueReads.Measured measured) {

        Facts(String ownerEmail, LocalDate loadedOn, CatalogueReads.OutcomeFacts outcome,
                CheckinReads.CheckinFacts checkins) {
            this(ownerEmail, loadedOn, outcome, checkins, null);
        }
    }

    private final ProgrammeOutcomeAgeSettings age;
    private final OutcomeGapSettings gap;

    ScoreProgrammeOwnership(ProgrammeOutcomeAgeSettings age) {
        this(age, OutcomeGapSettings.defaults());
    }

    @Inject
    ScoreProgrammeOwnership(ProgrammeOutcomeAgeSettings age, OutcomeGapSettings gap) {
        this.age = age;
        this.gap = gap;
    }

    /**
     * Reads the facts of the programmes, by id (through the read_programme_* views), with the latest value measured
     * of each programme's outcome on or before {@code lastDay}.
     */
    static Map<String, Facts> read(Connection c, Collection<String> programmeIds, LocalDate lastDay)
            throws SQLException {
        Map<String, String> owners = new HashMap<>();
        Map<String, LocalDate> loaded = new HashMap<>();
        Map<String, CatalogueReads.OutcomeFacts> outcomes = new HashMap<>();
        Map<String, CheckinReads.CheckinFacts> checkins = new HashMap<>();
        Map<String, Facts> facts = new HashMap<>();
        if (programmeIds.isEmpty()) {
            return facts;
        }
        Sql.Fragment ids = Sql.in(programmeIds);
        Sql.query(c, "SELECT programme_id, owner_email, created_at FROM read_programme_owner WHERE programme_id IN ("
                + ids.sql() + ")", rs -> {
                    String owner = rs.getString("owner_email");
                    if (owner != null && !owner.isBlank()) {
                        owners.put(rs.getString("programme_id"), owner.strip());
                    }
                    Instant created = Sql.instant(rs, "created_at");
                    if (created != null) {
                        loaded.put(rs.getString("programme_id"), LocalDate.ofInstant(created, ZoneOffset.UTC));
                    }
                }, ids);
        Sql.query(c, "SELECT programme_id, metric, unit, direction, baseline, target FROM read_programme_outcome "
                + "WHERE programme_id IN (" + ids.sql() + ")", rs -> outcomes.put(rs.getString("programme_id"),
                        new CatalogueReads.OutcomeFacts(rs.getString("metric"), rs.getString("unit"),
                                rs.getString("direction"), Sql.decimal(rs, "baseline"), Sql.decimal(rs, "target"))),
                ids);
        for (String id : programmeIds) {
            checkins.put(id, new CheckinReads.CheckinFacts(new ArrayList<>(), new ArrayList<>()));
        }
        Sql.query(c, "SELECT id, programme_id, period, opened_at, escalated_at, completed_at "
                + "FROM read_programme_checkin_cycle WHERE programme_id IN (" + ids.sql() + ") ORDER BY opened_at",
                rs -> checkins.get(rs.getString("programme_id")).cycles().add(new CheckinReads.Cycle(
                        rs.getLong("id"), rs.getString("period"), Sql.instant(rs, "opened_at"),
                        Sql.instant(rs, "escalated_at"), Sql.instant(rs, "completed_at"))), ids);
        Sql.query(c, "SELECT c.programme_id, k.cycle_id, k.value, k.status, k.confidence, k.submitted_at "
                + "FROM read_programme_checkin k JOIN read_programme_checkin_cycle c ON c.id = k.cycle_id "
                + "WHERE c.programme_id IN (" + ids.sql() + ") ORDER BY k.submitted_at, k.id",
                rs -> checkins.get(rs.getString("programme_id")).checkins().add(new CheckinReads.Checkin(
                        rs.getLong("cycle_id"), Sql.decimal(rs, "value"), rs.getString("status"),
                        rs.getInt("confidence"), Sql.instant(rs, "submitted_at"))), ids);
        Map<String, OutcomeValueReads.Measured> measured = OutcomeValueReads.latestOfProgrammes(c, programmeIds,
                lastDay);
        for (String id : programmeIds) {
            facts.put(id, new Facts(owners.get(id), loaded.get(id), outcomes.get(id), checkins.get(id),
                    measured.get(id)));
        }
        return facts;
    }

    /**
     * The programme judged with its own owner and outcome.
     *
     * @param workflows every workflow of the programme, retired ones too (their stage history dates its start)
     * @param lastDay   the scored week's last day
     */
    ProgrammeScore score(ProgrammeScore programme, Facts facts, List<CatalogueReads.WorkflowFacts> workflows,
                         LocalDate lastDay, CheckinPolicy policy) {
        OutcomeProgress progress = facts == null || facts.outcome() == null ? null
                : Outcomes.progress(facts.outcome(), facts.checkins(), lastDay, policy, facts.measured(), gap);
        LocalDate started = Stream.concat(Stream.ofNullable(facts == null ? null : facts.loadedOn()),
                workflows.stream().flatMap(w -> w.stages().stream()).map(CatalogueReads.StageEntry::since))
                .filter(Objects::nonNull).min(LocalDate::compareTo).orElse(lastDay);
        String period = policy.cadence() == CheckinPolicy.Cadence.MONTHLY ? "month" : "quarter";
        ProgrammeScore judged = judge(programme, facts == null ? null : facts.ownerEmail(), progress, started,
                lastDay, age.months(), period);
        if (progress == null || !progress.gapFlagged()) {
            return judged;
        }
        List<String> flags = new ArrayList<>(judged.flags());
        flags.add("programme " + OutcomeGapWording.flag(progress, gap.percent()));
        return judged.withOwnership(judged.ownerEmail(), progress, judged.verdict(), judged.reasons(), flags);
    }

    /**
     * The rule itself, pure: see the class comment.
     *
     * @param owner    the programme owner's email, or null
     * @param progress the programme outcome's progress, or null when it declares none
     * @param started  the day the programme's age runs from
     * @param period   "quarter" or "month", as the check-in cadence says
     */
    static ProgrammeScore judge(ProgrammeScore p, String owner, OutcomeProgress progress, LocalDate started,
                                LocalDate lastDay, int ageMonths, String period) {
        List<String> flags = new ArrayList<>(p.flags());
        String missing = null;
        if (owner == null) {
            missing = "no programme owner named";
            flags.add("no programme owner");
        } else if (progress == null) {
            missing = "programme owner " + owner + " names no programme outcome";
            flags.add("no programme outcome");
        } else if (progress.checkinState() == OutcomeProgress.CheckinState.MISSED) {
            missing = "programme owner " + owner + " missed the check-in on the programme outcome this " + period;
            flags.add("programme check-in missed");
        } else if (progress.checkinState() == OutcomeProgress.CheckinState.NONE) {
            missing = "programme owner " + owner + " has not checked in on the programme outcome this " + period;
        }
        boolean moving = progress != null && progress.progress().isShown() && progress.progress().value() > 0;
        long months = ChronoUnit.MONTHS.between(started, lastDay);
        if (!moving && started.plusMonths(ageMonths).isBefore(lastDay)) {
            flags.add(months + " months in and no outcome");
        }
        List<String> reasons = new ArrayList<>();
        if (missing != null) {
            reasons.add(missing);
            reasons.addAll(p.reasons());
            return p.withOwnership(owner, progress, Verdict.ACTIVITY, reasons, flags);
        }
        reasons.addAll(p.reasons());
        reasons.add("programme owner " + owner + (progress.checkinState() == OutcomeProgress.CheckinState.CURRENT
                ? " checked in on the programme outcome this " + period
                : " has the programme outcome's check-in due this " + period));
        return p.withOwnership(owner, progress, p.verdict(), reasons, flags);
    }
}
