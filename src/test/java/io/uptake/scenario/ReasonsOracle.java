package io.uptake.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reasons behind the numbers, worked out from the generated scenario alone by the README's rules: what is in
 * the way, and the stakeholder pulse. Nothing here reads the database or shares code with {@code metrics/}.
 */
final class ReasonsOracle {

    /** The blocker categories in the question's order, as the README's table gives them. */
    static final List<String> CATEGORIES = List.of("data-access", "integration", "rules", "trust", "training", "time",
            "fit", "nothing");
    private static final int MIN = Oracle.MIN_RESPONDENTS;

    private final Scenario scenario;
    private final Oracle oracle;
    private final Map<String, ScenarioPerson> people;
    /** programme → the week its quarter's stakeholder round opened → email → question → value. */
    private final Map<String, Map<Integer, Map<String, Map<String, String>>>> stakeholderAnswers = new HashMap<>();

    ReasonsOracle(Scenario scenario, Oracle oracle) {
        this.scenario = scenario;
        this.oracle = oracle;
        this.people = scenario.peopleByEmail();
        for (WeekPlan week : scenario.timeline()) {
            for (ScenarioEvent.StakeholderAnswered a : week.events(ScenarioEvent.StakeholderAnswered.class)) {
                stakeholderAnswers.computeIfAbsent(a.programmeId(), k -> new HashMap<>())
                        .computeIfAbsent(week.index(), k -> new HashMap<>())
                        .computeIfAbsent(a.email(), k -> new HashMap<>()).put(a.question(), a.value());
            }
        }
    }

    /** What is in the way of a workflow in a week: per category its share and change, and the answers' count. */
    record BlockersExpected(int respondents, List<Fig> percent, List<Fig> change) {
    }

    BlockersExpected blockers(String workflowId, int week) {
        int[] now = blockerCounts(workflowId, week);
        int respondents = sum(now);
        if (respondents == 0) {
            return new BlockersExpected(0, List.of(), List.of());
        }
        List<Fig> shares = shares(now);
        List<Fig> changes = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.size(); i++) {
            if (!shares.get(i).isShown()) {
                changes.add(Fig.suppressed("PULSE"));
                continue;
            }
            long named = 0;
            long answers = 0;
            for (int w = Math.max(0, week - 4); w < week; w++) {
                int[] before = blockerCounts(workflowId, w);
                if (sum(before) > 0 && shares(before).get(i).isShown()) {
                    named += before[i];
                    answers += sum(before);
                }
            }
            if (answers == 0) {
                changes.add(Fig.noData("PULSE"));
                continue;
            }
            BigDecimal change = BigDecimal.valueOf(now[i] * 100L).divide(BigDecimal.valueOf(respondents),
                    MathContext.DECIMAL128).subtract(BigDecimal.valueOf(named * 100L).divide(
                    BigDecimal.valueOf(answers), MathContext.DECIMAL128));
            changes.add(Fig.shown(Fig.oneDecimal(change), respondents + (int) answers, "PULSE"));
        }
        return new BlockersExpected(respondents, shares, changes);
    }

    /**
     * The README's rule for a breakdown: a category named by 1 to 4 people is hidden, and with it, when it is the
     * only one, the smallest other category someone named; with fewer than 5 answers in all, every category.
     */
    private static List<Fig> shares(int[] counts) {
        int total = sum(counts);
        boolean[] hidden = new boolean[counts.length];
        int hiddenCount = 0;
        for (int i = 0; i < counts.length; i++) {
            hidden[i] = total < MIN || (counts[i] > 0 && counts[i] < MIN);
            hiddenCount += hidden[i] ? 1 : 0;
        }
        if (hiddenCount == 1) {
            int next = -1;
            for (int i = 0; i < counts.length; i++) {
                if (!hidden[i] && counts[i] > 0 && (next < 0 || counts[i] < counts[next])) {
                    next = i;
                }
            }
            if (next < 0) {
                for (int i = 0; i < counts.length; i++) {
                    if (!hidden[i] && next < 0) {
                        next = i;
                    }
                }
            }
            if (next >= 0) {
                hidden[next] = true;
            }
        }
        List<Fig> figures = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            figures.add(hidden[i] ? Fig.suppressed("PULSE") : Fig.shown(Fig.percent(counts[i], total), total,
                    "PULSE"));
        }
        return figures;
    }

    private int[] blockerCounts(String workflowId, int week) {
        int[] counts = new int[CATEGORIES.size()];
        for (ScenarioPulse pulse : scenario.pulses()) {
            if (pulse.workflowId().equals(workflowId)) {
                oracle.round(pulse.id(), week).values().forEach(qs -> {
                    String v = qs.get("blockers");
                    if (v != null) {
                        counts[Integer.parseInt(v) - 1]++;
                    }
                });
            }
        }
        return counts;
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    /** A workflow's trust calibration in a week, by the README's thresholds (60, 40, 30 %, 10 %, each inclusive). */
    static String quadrant(Expected e) {
        if (e.trust().state() == Fig.State.SUPPRESSED || e.correction().state() == Fig.State.SUPPRESSED) {
            return "SUPPRESSED";
        }
        if (!e.trust().isShown() || !e.correction().isShown()) {
            return "NO_DATA";
        }
        BigDecimal trust = e.trust().value();
        BigDecimal fixing = e.correction().value();
        if (trust.compareTo(BigDecimal.valueOf(60)) >= 0 && fixing.compareTo(BigDecimal.valueOf(30)) >= 0) {
            return "OVER_TRUST";
        }
        if (trust.compareTo(BigDecimal.valueOf(40)) <= 0 && fixing.compareTo(BigDecimal.valueOf(10)) <= 0) {
            return "UNDER_TRUST";
        }
        return "CALIBRATED";
    }

    /** A workflow's drift in a week: the WAU run, its peak and fall, and the first quarter. */
    record DriftExpected(int fallingWeeks, Fig peak, Fig drop, String firstQuarter, String metOn) {
    }

    /**
     * By the README: WAU fell in each week of the run against the week before, both shown; the peak is the highest
     * shown WAU of the last 4 weeks, the scored one included; the drop is (peak − now) ÷ peak; the first quarter is
     * met in the first week from the launch's week, up to the last week beginning before launch + 13 weeks, whose WAU
     * is shown and above 50 %.
     */
    DriftExpected drift(String workflowId, int week, int readIn) {
        ScenarioWorkflow workflow = scenario.workflow(workflowId);
        List<Fig> wau = new ArrayList<>();
        for (int k = week - 11; k <= week; k++) {
            wau.add(k < 0 || !workflow.declaredIn(k) ? Fig.noData("PULSE")
                    : oracle.expect(workflowId, k, readIn).wau());
        }
        int falling = 0;
        for (int i = wau.size() - 1; i > 0 && wau.get(i).isShown() && wau.get(i - 1).isShown()
                && wau.get(i).value().compareTo(wau.get(i - 1).value()) < 0; i--) {
            falling++;
        }
        Fig peak = null;
        for (int i = wau.size() - 4; i < wau.size(); i++) {
            if (wau.get(i).isShown() && (peak == null || wau.get(i).value().compareTo(peak.value()) > 0)) {
                peak = wau.get(i);
            }
        }
        Fig now = wau.get(wau.size() - 1);
        Fig drop = !now.isShown() || peak == null ? null : Fig.shown(peak.value().signum() == 0 ? BigDecimal.ZERO
                : Fig.oneDecimal(peak.value().subtract(now.value()).multiply(BigDecimal.valueOf(100))
                .divide(peak.value(), MathContext.DECIMAL128)), now.n(), now.source());
        java.time.LocalDate launch = launch(workflow);
        java.time.LocalDate monday = scenario.firstMonday().plusWeeks(week);
        if (launch.isAfter(monday.plusDays(6))) {
            return new DriftExpected(falling, peak, drop, "NOT_LAUNCHED", "");
        }
        java.time.LocalDate last = launch.plusWeeks(13).minusDays(1)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        for (java.time.LocalDate m = launch.with(java.time.temporal.TemporalAdjusters.previousOrSame(
                java.time.DayOfWeek.MONDAY)); !m.isAfter(last) && !m.isAfter(monday); m = m.plusWeeks(1)) {
            int k = (int) java.time.temporal.ChronoUnit.WEEKS.between(scenario.firstMonday(), m);
            Fig f = k < 0 || !workflow.declaredIn(k) ? Fig.noData("PULSE")
                    : oracle.expect(workflowId, k, readIn).wau();
            if (f.isShown() && f.value().compareTo(BigDecimal.valueOf(50)) > 0) {
                return new DriftExpected(falling, peak, drop, "MET", m.toString());
            }
        }
        return new DriftExpected(falling, peak, drop, monday.isBefore(last) ? "PENDING" : "MISSED", "");
    }

    /** The day the workflow first went into pilot, as the first programmes file declaring it gives it. */
    private java.time.LocalDate launch(ScenarioWorkflow workflow) {
        return workflow.addedWeek() > 0 ? scenario.firstMonday().plusWeeks(workflow.addedWeek())
                : scenario.firstMonday().minusWeeks(9 + workflow.id().length());
    }

    /** A programme's stakeholder pulse of the quarter holding a week. */
    record StakeholdersExpected(String quarter, int asked, int answered, Fig confident, Fig fund) {
    }

    /**
     * The quarter's round opens on the Monday evening of the quarter's first week (the year's first week for the
     * quarter it starts in) and goes to the sponsor and the stakeholders a chat platform reaches; confident are
     * those who gave 4 or 5, willing to fund those who said yes, each of those who answered that question, shown
     * from 5 answers and only once the round has closed, 6 days after it opened (before that, no data).
     *
     * @param readIn the week whose Monday morning the figures are read in
     */
    Optional<StakeholdersExpected> stakeholders(String programmeId, int week, int readIn) {
        int opened = -1;
        for (int w = 0; w <= week; w++) {
            java.time.LocalDate monday = scenario.firstMonday().plusWeeks(w);
            if (w == 0 || monday.getDayOfMonth() <= 7 && monday.getMonthValue() % 3 == 1) {
                opened = w;
            }
        }
        ScenarioProgramme programme = scenario.programme(programmeId);
        Set<String> asked = new HashSet<>();
        asked.add(programme.sponsorEmail());
        asked.addAll(programme.stakeholders());
        asked.removeIf(email -> people.get(email).platform() == Platform.NONE);
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, String>> answers = stakeholderAnswers.getOrDefault(programmeId, Map.of())
                .getOrDefault(opened, Map.of());
        int confidence = 0;
        int confident = 0;
        int fund = 0;
        int yes = 0;
        for (Map<String, String> a : answers.values()) {
            if (a.containsKey("confidence")) {
                confidence++;
                confident += Integer.parseInt(a.get("confidence")) >= 4 ? 1 : 0;
            }
            if (a.containsKey("fund")) {
                fund++;
                yes += a.get("fund").equals("2") ? 1 : 0;
            }
        }
        java.time.LocalDate monday = scenario.firstMonday().plusWeeks(week);
        String quarter = monday.getYear() + "-Q" + ((monday.getMonthValue() - 1) / 3 + 1);
        boolean closed = readIn >= opened + 1;
        return Optional.of(new StakeholdersExpected(quarter, asked.size(), answers.size(),
                closed ? share(confident, confidence) : Fig.noData("PULSE"),
                closed ? share(yes, fund) : Fig.noData("PULSE")));
    }

    private static Fig share(int part, int whole) {
        if (whole == 0) {
            return Fig.noData("PULSE");
        }
        return Fig.score(Fig.percent(part, whole), whole, MIN, "PULSE");
    }

    /**
     * The programme verdict rule, worked out from the scenario alone: the reason that keeps the programme at
     * ACTIVITY, or null when its owner can name its outcome this quarter. The run opens no check-in cycles itself,
     * so the programme's check-in state comes from its owner's check-ins alone (played on the Wednesday of their
     * week, as every owner's, by OutcomeSide); one counts
     * for a scored week when it was logged in that week or before, in the calendar quarter of the week's Sunday.
     */
    String programmeOwnership(ScenarioProgramme programme, int week) {
        if (programme.ownerEmail().isEmpty()) {
            return "no programme owner named";
        }
        String owner = programme.ownerEmail().get();
        if (programme.outcome().isEmpty()) {
            return "programme owner " + owner + " names no programme outcome";
        }
        java.time.LocalDate sunday = scenario.timeline().get(week).monday().plusDays(6);
        for (int w = 0; w <= week; w++) {
            java.time.LocalDate monday = scenario.timeline().get(w).monday();
            boolean logged = scenario.timeline().get(w).events(ScenarioEvent.CheckedIn.class).stream()
                    .anyMatch(c -> c.workflowId().equals("programme:" + programme.id()));
            if (logged && monday.getYear() == sunday.getYear()
                    && (monday.getMonthValue() - 1) / 3 == (sunday.getMonthValue() - 1) / 3) {
                return null;
            }
        }
        return "programme owner " + owner + " has not checked in on the programme outcome this quarter";
    }

    /**
     * The programme's age flag in a week, by the README's rule, or "none": its age runs from the earlier of the
     * first Monday (every programme is in the first file) and the first pilot day of any of its workflows; strictly
     * older than 12 months at the week's Sunday, with its outcome not moving (no outcome, no check-in yet, or the
     * last check-in's value not past the baseline towards the target), it is "N months in and no outcome", N whole
     * months.
     */
    String programmeAge(ScenarioProgramme programme, int week) {
        // every programme is in the first file, with or without workflows
        LocalDate started = scenario.firstMonday();
        for (ScenarioWorkflow w : scenario.workflows()) {
            LocalDate start = w.programmeId().equals(programme.id()) ? view(w.id()).start() : started;
            started = start.isBefore(started) ? start : started;
        }
        LocalDate sunday = scenario.firstMonday().plusWeeks(week).plusDays(6);
        BigDecimal last = null;
        for (int w = 0; w <= week; w++) {
            for (ScenarioEvent.CheckedIn c : scenario.timeline().get(w).events(ScenarioEvent.CheckedIn.class)) {
                if (c.workflowId().equals(programme.checkinKey())) {
                    last = c.value();
                }
            }
        }
        boolean moving = programme.outcome().isPresent() && last != null
                && last.compareTo(BigDecimal.valueOf(programme.outcome().get().baseline())) != 0
                && (last.compareTo(BigDecimal.valueOf(programme.outcome().get().baseline())) > 0)
                == (programme.outcome().get().target() > programme.outcome().get().baseline());
        if (moving || !started.plusMonths(12).isBefore(sunday)) {
            return "none";
        }
        return java.time.temporal.ChronoUnit.MONTHS.between(started, sunday) + " months in and no outcome";
    }

    /**
     * The "Built before the commercial signal" reason of a workflow in a week, by the README's rule, from the
     * programmes file the scenario writes: its first pilot day is the {@code stage-since} of the first file that
     * declares it; an outcome the scenario gives it arrives with the workflow, so only a workflow without one is
     * judged. Empty or one reason.
     */
    List<String> builtBefore(String workflowId, int week) {
        ScenarioWorkflowView w = view(workflowId);
        LocalDate end = scenario.firstMonday().plusWeeks(week + 1L);
        if (w.outcome || !w.start.isBefore(end)) {
            return List.of();
        }
        return List.of("Built before the commercial signal: " + w.startWord + " started "
                + DAY.format(w.start) + " with no outcome declared");
    }

    /**
     * What "Adoption not measured" names for a workflow in a week, of the two parts the scenario alone decides:
     * {@code no pulse} (no pulse of the scenario asks it) and {@code no team size} (no target team size and nobody
     * in its audience at the week's end, the team the oracle divides WAU by; a workflow rolled out in waves with
     * target team sizes has one, even before a wave is live).
     */
    Set<String> notMeasured(String workflowId, int week, int readIn) {
        Set<String> missing = new HashSet<>();
        if (scenario.pulses().stream().noneMatch(p -> p.workflowId().equals(workflowId))) {
            missing.add("no pulse");
        }
        ScenarioWorkflow workflow = scenario.workflow(workflowId);
        boolean waveTargets = workflow.waves().stream().anyMatch(wave -> wave.targetTeamSize() > 0);
        if (!waveTargets && oracle.expect(workflowId, week, readIn).targetTeamSize() == 0) {
            missing.add("no team size");
        }
        return missing;
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    /** When and as what a workflow first went live, as the scenario's programmes file says. */
    private record ScenarioWorkflowView(LocalDate start, String startWord, boolean outcome) {
    }

    private ScenarioWorkflowView view(String workflowId) {
        ScenarioWorkflow w = scenario.workflows().stream().filter(x -> x.id().equals(workflowId)).findFirst()
                .orElseThrow();
        LocalDate first = scenario.firstMonday();
        boolean productionFirst = w.productionWeek().isPresent() && w.productionWeek().getAsInt() <= w.addedWeek();
        LocalDate start = productionFirst ? first.plusWeeks(w.productionWeek().getAsInt())
                : w.addedWeek() > 0 ? first.plusWeeks(w.addedWeek()) : first.minusWeeks(9L + w.id().length());
        return new ScenarioWorkflowView(start, productionFirst ? "production" : "pilot", w.outcome().isPresent());
    }
}
