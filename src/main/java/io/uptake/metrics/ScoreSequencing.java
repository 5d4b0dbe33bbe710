package io.uptake.metrics;

import io.uptake.catalog.Catalog;
import io.uptake.catalog.CatalogState;
import io.uptake.catalog.Workflow;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads whether each workflow was built in the right order and can be measured: its outcome declared before its
 * pilot began ("Built before the commercial signal"), and, once in pilot or production, a pulse, a usage source and a
 * team size ("Adoption not measured"); with the owner's latest scale / fix / stop decision and the day-60 early
 * warning that asked for it. Each as it stood at the end of the scored week.
 */
@Singleton
class ScoreSequencing {

    /** What is added to one workflow's score. */
    record Sequencing(List<String> reasons, List<String> flags, OwnerDecision decision) {
        static final Sequencing NONE = new Sequencing(List.of(), List.of(), null);
    }

    private final CatalogState catalog;

    ScoreSequencing(CatalogState catalog) {
        this.catalog = catalog;
    }

    Map<String, Sequencing> score(Connection c, List<CatalogueReads.WorkflowFacts> live,
                                  Map<String, WorkflowScore> scored, Window window) throws SQLException {
        Map<String, Sequencing> all = new HashMap<>();
        if (live.isEmpty()) {
            return all;
        }
        List<String> ids = live.stream().map(CatalogueReads.WorkflowFacts::id).toList();
        Sql.Fragment in = Sql.in(ids);
        LocalDate end = window.end();
        Map<String, LocalDate[]> declared = new HashMap<>();
        Sql.query(c, "SELECT workflow_id, declared_on, seen_on FROM read_outcome WHERE workflow_id IN (" + in.sql()
                + ")", rs -> declared.put(rs.getString("workflow_id"),
                        new LocalDate[] {Sql.date(rs, "declared_on"), Sql.date(rs, "seen_on")}), in);
        Set<String> pulses = new HashSet<>();
        Sql.query(c, "SELECT DISTINCT workflow_id FROM read_pulse WHERE workflow_id IN (" + in.sql() + ")",
                rs -> pulses.add(rs.getString("workflow_id")), in);
        Set<String> usage = new HashSet<>();
        Sql.query(c, "SELECT DISTINCT workflow_id FROM read_usage_day WHERE workflow_id IN (" + in.sql()
                + ") AND day < ?", rs -> usage.add(rs.getString("workflow_id")), in, end);
        Map<String, String> warnings = new HashMap<>();
        Sql.query(c, "SELECT workflow_id, sent_on, reasons FROM read_early_warning WHERE workflow_id IN (" + in.sql()
                + ") AND sent_on < ? ORDER BY sent_on", rs -> warnings.put(rs.getString("workflow_id"),
                        SequencingWording.earlyWarningFlag(Sql.date(rs, "sent_on"), rs.getString("reasons"))),
                in, end);
        Map<String, OwnerDecision> decisions = new HashMap<>();
        Sql.query(c, "SELECT workflow_id, choice, decided_on, prompt FROM read_owner_decision WHERE workflow_id IN ("
                + in.sql() + ") AND decided_on < ? ORDER BY id", rs -> decisions.put(rs.getString("workflow_id"),
                        new OwnerDecision(rs.getString("choice"), Sql.date(rs, "decided_on"),
                                rs.getString("prompt"))), in, end);
        Set<String> sources = usageSources();
        for (CatalogueReads.WorkflowFacts w : live) {
            WorkflowScore score = scored.get(w.id());
            LocalDate[] dates = declared.getOrDefault(w.id(), new LocalDate[2]);
            Facts facts = new Facts(score == null ? w.stage() : score.stage(), w.firstDay("pilot"),
                    w.firstDay("production"), w.outcome() != null, dates[0] != null ? dates[0] : dates[1],
                    pulses.contains(w.id()), sources.contains(w.id()), usage.contains(w.id()), w.targetTeamSize(),
                    w.audienceSize());
            List<String> flags = warnings.containsKey(w.id()) ? List.of(warnings.get(w.id())) : List.of();
            all.put(w.id(), new Sequencing(reasons(facts, end), flags, decisions.get(w.id())));
        }
        return all;
    }

    /**
     * What the rules read of one workflow.
     *
     * @param declaredOn   the day its outcome was declared (the file's {@code declared:}, else the day a load first
     *                     found it on a workflow already known); null when there is no outcome or no known day
     * @param usageSource  whether the programmes file gives it a {@code usage.source}
     * @param usageEver    whether any usage (telemetry or self-reported) was ever stored for it
     */
    record Facts(String stage, LocalDate pilotStart, LocalDate productionStart, boolean hasOutcome,
                 LocalDate declaredOn, boolean hasPulse, boolean usageSource, boolean usageEver, int targetTeamSize,
                 int audienceSize) {
    }

    /** The reasons of the two rules, for a week that ends the day before {@code end}; empty when both hold. */
    static List<String> reasons(Facts f, LocalDate end) {
        List<String> reasons = new ArrayList<>();
        if (!"pilot".equals(f.stage()) && !"production".equals(f.stage())) {
            return reasons;
        }
        boolean piloted = f.pilotStart() != null;
        LocalDate start = piloted ? f.pilotStart() : f.productionStart();
        if (start != null && start.isBefore(end)) {
            String started = (piloted ? "pilot" : "production") + " started " + SequencingWording.day(start);
            if (!f.hasOutcome()) {
                reasons.add(SequencingWording.BUILT_BEFORE + started + " with no outcome declared");
            } else if (f.declaredOn() != null && start.isBefore(f.declaredOn())) {
                reasons.add(SequencingWording.BUILT_BEFORE + started + ", outcome declared "
                        + SequencingWording.day(f.declaredOn()));
            }
        }
        List<String> missing = new ArrayList<>();
        if (!f.hasPulse()) {
            missing.add("no pulse");
        }
        if (!f.usageSource() && !f.usageEver()) {
            missing.add("no usage source");
        }
        if (f.targetTeamSize() <= 0 && f.audienceSize() <= 0) {
            missing.add("no team size");
        }
        if (!missing.isEmpty()) {
            reasons.add(SequencingWording.NOT_MEASURED + String.join(", ", missing));
        }
        return reasons;
    }

    /** The workflows the programmes file in force gives a {@code usage.source}. */
    private Set<String> usageSources() {
        Set<String> ids = new HashSet<>();
        catalog.catalog().map(Catalog::workflows).orElse(List.of()).stream()
                .filter(w -> w.usage().isPresent()).map(Workflow::id).forEach(ids::add);
        return ids;
    }
}
