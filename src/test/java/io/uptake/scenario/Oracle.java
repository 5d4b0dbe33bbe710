package io.uptake.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes every figure of every week from the generated scenario alone, by DESIGN.md section 4 and the
 * README's metric table: nothing here reads the database or shares code with {@code metrics/}.
 *
 * <p>Rules it assumes where the documents leave a choice: a member who left (or was erased) in a week counts in
 * that week's WAU but not in its habit; habit counts people still in the audience at the end of the week; an
 * audience without {@code target-team-size} is as large as its members at the end of the week, whatever its kind
 * (DESIGN.md: the audience is the same notion for every kind, so a later reload of an {@code emails:} list no more
 * changes a past week than a later directory sync does); a habit with no telemetry in its window is labelled
 * self-reported, as a week before the first telemetry is.
 */
final class Oracle {

    static final int MIN_RESPONDENTS = 5;
    static final int HABIT_WEEKS = 12;
    static final int HABIT_MIN = 9;

    private final Scenario scenario;
    private final Map<String, ScenarioPerson> people;
    /** workflow → week → email → uses that week (telemetry). */
    private final Map<String, Map<Integer, Map<String, Integer>>> telemetry = new HashMap<>();
    /** workflow → weeks with any telemetry row. */
    private final Map<String, Set<Integer>> telemetryWeeks = new HashMap<>();
    /** pulse → week → email → question → last value. */
    private final Map<String, Map<Integer, Map<String, Map<String, String>>>> answers = new HashMap<>();
    /** pulse → week → people asked. */
    private final Map<String, Map<Integer, Set<String>>> asked = new HashMap<>();
    private final Map<String, Integer> erasedIn = new HashMap<>();

    Oracle(Scenario scenario) {
        this.scenario = scenario;
        this.people = scenario.peopleByEmail();
        Map<String, Integer> optedOut = new HashMap<>();
        Map<String, Integer> pausedUntil = new HashMap<>();
        for (WeekPlan week : scenario.timeline()) {
            int w = week.index();
            for (ScenarioEvent e : week.events()) {
                if (e instanceof ScenarioEvent.OptedOut o) {
                    optedOut.put(o.email(), w);
                } else if (e instanceof ScenarioEvent.OptedIn o) {
                    optedOut.remove(o.email());
                } else if (e instanceof ScenarioEvent.Paused p) {
                    pausedUntil.put(p.email(), w + p.days() / 7);
                } else if (e instanceof ScenarioEvent.Erased x) {
                    erasedIn.put(x.email(), w);
                } else if (e instanceof ScenarioEvent.Used u) {
                    telemetry.computeIfAbsent(u.workflowId(), k -> new HashMap<>())
                            .computeIfAbsent(w, k -> new HashMap<>()).merge(u.email(), u.count(), Integer::sum);
                    telemetryWeeks.computeIfAbsent(u.workflowId(), k -> new HashSet<>()).add(w);
                } else if (e instanceof ScenarioEvent.Answered a) {
                    answers.computeIfAbsent(a.pulseId(), k -> new HashMap<>())
                            .computeIfAbsent(w, k -> new HashMap<>())
                            .computeIfAbsent(a.email(), k -> new LinkedHashMap<>()).put(a.question(), a.value());
                }
            }
            for (ScenarioPulse pulse : scenario.pulses()) {
                ScenarioWorkflow workflow = scenario.workflow(pulse.workflowId());
                if (!workflow.declaredIn(w) || !pulse.runsIn(w)) {
                    continue;
                }
                Set<String> recipients = new HashSet<>();
                for (Membership m : scenario.memberships()) {
                    String email = m.email();
                    if (m.workflowId().equals(workflow.id()) && m.inAt(w) && workflow.liveIn(m, w)
                            && people.get(email).platform() != Platform.NONE
                            && !(erasedIn.containsKey(email) && erasedIn.get(email) <= w)
                            && !(optedOut.containsKey(email))
                            && !(pausedUntil.containsKey(email) && w < pausedUntil.get(email))) {
                        recipients.add(email);
                    }
                }
                asked.computeIfAbsent(pulse.id(), k -> new HashMap<>()).put(w, recipients);
            }
        }
    }

    /** The people a pulse's round of that week must reach. */
    Set<String> recipients(String pulseId, int week) {
        return asked.getOrDefault(pulseId, Map.of()).getOrDefault(week, Set.of());
    }

    /** The answers to the pulse's round of that week: email → question → the last value given. */
    Map<String, Map<String, String>> round(String pulseId, int week) {
        return answers.getOrDefault(pulseId, Map.of()).getOrDefault(week, Map.of());
    }

    /** The people who answered the pulse's round of that week. */
    Set<String> respondents(String pulseId, int week) {
        return answers.getOrDefault(pulseId, Map.of()).getOrDefault(week, Map.of()).keySet();
    }

    /** Workflows a scorecard of that week lists: declared in the file in force when it is read. */
    List<ScenarioWorkflow> listed(int readInWeek) {
        return scenario.workflows().stream().filter(w -> w.declaredIn(readInWeek)).toList();
    }

    /**
     * The figures of workflow {@code id} in {@code week}, read while the file of {@code readInWeek} is in force
     * (which no figure of a past week depends on).
     */
    Expected expect(String id, int week, int readInWeek) {
        ScenarioWorkflow workflow = scenario.workflow(id);
        int size = targetTeamSize(workflow, week);
        Optional<ScenarioPulse> pulse = scenario.pulses().stream().filter(p -> p.workflowId().equals(id))
                .findFirst();
        Map<String, Map<String, String>> round = pulse.map(p -> answers.getOrDefault(p.id(), Map.of())
                .getOrDefault(week, Map.<String, Map<String, String>>of())).orElse(Map.of());
        int[] trust = counts(round, "trust", 5, 1);
        Fig trustIndex = trustIndex(trust);
        List<Fig> distribution = distribution(trust);
        int[] correction = counts(round, "correction", 4, 0);
        int correctionN = correction[0] + correction[1] + correction[2] + correction[3];
        Fig correctionFig = correctionN == 0 ? Fig.noData("PULSE") : Fig.score(Fig.percent(correction[2]
                + correction[3], correctionN), correctionN, MIN_RESPONDENTS, "PULSE");
        Fig response = pulse.map(p -> response(p, week)).orElse(Fig.noData("PULSE"));
        Fig median = median(round);
        Fig delta = cycleDelta(median, workflow);
        // last week's WAU as last week reported it: divided by its own week's team
        return new Expected(id, week, size, wau(workflow, week, size),
                wau(workflow, week - 1, targetTeamSize(workflow, week - 1)), habit(workflow, week),
                trustIndex, trustChange(pulse, week, trust), distribution, correctionFig, response, median, delta);
    }

    private int targetTeamSize(ScenarioWorkflow workflow, int week) {
        if (workflow.waved()) {
            return workflow.waves().stream().filter(wave -> wave.liveIn(week))
                    .mapToInt(ScenarioWave::targetTeamSize).sum();
        }
        if (workflow.targetTeamSize().isPresent()) {
            return workflow.targetTeamSize().getAsInt();
        }
        return (int) scenario.memberships().stream()
                .filter(m -> m.workflowId().equals(workflow.id()) && memberAtEnd(m, week)).count();
    }

    private boolean erasedBy(String email, int week) {
        return erasedIn.containsKey(email) && erasedIn.get(email) <= week;
    }

    /** In the audience at some point of the week: joined by its Monday and left on or after it. */
    private boolean memberDuring(Membership m, int week) {
        return m.fromWeek() <= week && week <= m.leftWeek() && !(erasedBy(m.email(), week)
                && erasedIn.get(m.email()) < week);
    }

    /** Still in the audience at the end of the week. */
    private boolean memberAtEnd(Membership m, int week) {
        return m.inAt(week) && !erasedBy(m.email(), week);
    }

    private Fig wau(ScenarioWorkflow workflow, int week, int size) {
        return wau(workflow, week, size, members(workflow, week));
    }

    /** WAU of the people {@code members} of the workflow (its audience, or one wave's) over a team of {@code size}. */
    private Fig wau(ScenarioWorkflow workflow, int week, int size, Set<String> members) {
        Set<Integer> feed = telemetryWeeks.getOrDefault(workflow.id(), Set.of());
        boolean fedBefore = feed.stream().anyMatch(w -> w <= week && w > week - HABIT_WEEKS);
        Map<String, Map<String, String>> usageAnswers = selfReports(workflow, week);
        if (size <= 0) {
            return Fig.noData(fedBefore ? "TELEMETRY" : "SELF_REPORT");
        }
        if (feed.contains(week) || (fedBefore && usageAnswers.isEmpty())) {
            Map<String, Integer> uses = telemetry.getOrDefault(workflow.id(), Map.of()).getOrDefault(week, Map.of());
            long active = members.stream().filter(e -> uses.getOrDefault(e, 0) > 0).count();
            return Fig.shown(Fig.percent(active, size), size, "TELEMETRY");
        }
        if (usageAnswers.isEmpty()) {
            return Fig.noData("SELF_REPORT");
        }
        long active = usageAnswers.entrySet().stream().filter(e -> members.contains(e.getKey())
                && Integer.parseInt(e.getValue().get("usage")) > 0).count();
        return Fig.score(Fig.percent(active, size), usageAnswers.size(), MIN_RESPONDENTS, "SELF_REPORT");
    }

    private Set<String> members(ScenarioWorkflow workflow, int week) {
        Set<String> members = new HashSet<>();
        for (Membership m : scenario.memberships()) {
            if (m.workflowId().equals(workflow.id()) && memberDuring(m, week) && workflow.liveIn(m, week)) {
                members.add(m.email());
            }
        }
        return members;
    }

    /** Usage answers of confidential rounds of the workflow in that week, by person. */
    private Map<String, Map<String, String>> selfReports(ScenarioWorkflow workflow, int week) {
        Map<String, Map<String, String>> reports = new HashMap<>();
        for (ScenarioPulse p : scenario.pulses()) {
            if (p.workflowId().equals(workflow.id()) && !p.anonymous()) {
                answers.getOrDefault(p.id(), Map.of()).getOrDefault(week, Map.of()).forEach((email, qs) -> {
                    if (qs.containsKey("usage")) {
                        reports.put(email, qs);
                    }
                });
            }
        }
        return reports;
    }

    private boolean activeIn(ScenarioWorkflow workflow, String email, int week) {
        if (telemetry.getOrDefault(workflow.id(), Map.of()).getOrDefault(week, Map.of()).getOrDefault(email, 0) > 0) {
            return true;
        }
        Map<String, String> report = selfReports(workflow, week).get(email);
        return report != null && Integer.parseInt(report.get("usage")) > 0;
    }

    private Fig habit(ScenarioWorkflow workflow, int week) {
        int first = week - HABIT_WEEKS + 1;
        boolean selfReported = !workflow.telemetry() || telemetryWeeks.getOrDefault(workflow.id(), Set.of()).stream()
                .noneMatch(w -> w >= first && w <= week);
        String source = selfReported ? "SELF_REPORT" : "TELEMETRY";
        OptionalFirst firstUse = firstUse(workflow);
        if (firstUse.week < 0 || firstUse.week > first || (firstUse.week == first && !firstUse.onMonday)) {
            return Fig.noData(source);
        }
        List<String> current = scenario.memberships().stream()
                .filter(m -> m.workflowId().equals(workflow.id()) && memberAtEnd(m, week) && workflow.liveIn(m, week))
                .map(Membership::email).distinct().toList();
        if (current.isEmpty()) {
            return Fig.noData(source);
        }
        int habitual = 0;
        int withUse = 0;
        for (String email : current) {
            int weeks = 0;
            for (int w = Math.max(0, first); w <= week; w++) {
                if (activeIn(workflow, email, w)) {
                    weeks++;
                }
            }
            habitual += weeks >= HABIT_MIN ? 1 : 0;
            withUse += weeks > 0 ? 1 : 0;
        }
        int n = withUse;
        if (selfReported) {
            Set<String> reporters = new HashSet<>();
            for (int w = Math.max(0, first); w <= week; w++) {
                reporters.addAll(selfReports(workflow, w).keySet());
            }
            n = reporters.size();
        }
        return Fig.score(Fig.percent(Math.min(habitual, current.size()), current.size()), n, MIN_RESPONDENTS,
                source);
    }

    /** The week of a workflow's first use, and whether it fell on that week's Monday. */
    private record OptionalFirst(int week, boolean onMonday) {
    }

    private OptionalFirst firstUse(ScenarioWorkflow workflow) {
        for (WeekPlan plan : scenario.timeline()) {
            boolean any = false;
            boolean monday = false;
            for (ScenarioEvent.Used u : plan.events(ScenarioEvent.Used.class)) {
                if (u.workflowId().equals(workflow.id()) && u.count() > 0) {
                    any = true;
                    monday |= u.day().equals(plan.monday());
                }
            }
            if (!any) {
                any = !selfReports(workflow, plan.index()).isEmpty();
            }
            if (any) {
                return new OptionalFirst(plan.index(), monday);
            }
        }
        return new OptionalFirst(-1, false);
    }

    private static int[] counts(Map<String, Map<String, String>> round, String question, int size, int offset) {
        int[] counts = new int[size];
        round.values().forEach(qs -> {
            String v = qs.get(question);
            if (v != null) {
                counts[Integer.parseInt(v) - offset]++;
            }
        });
        return counts;
    }

    /** Exact mean of trust answers mapped 1→0 … 5→100, as sum and count. */
    private static BigDecimal[] trustSum(int[] trust) {
        long sum = 0;
        long n = 0;
        for (int v = 0; v < 5; v++) {
            sum += 25L * v * trust[v];
            n += trust[v];
        }
        return new BigDecimal[] {BigDecimal.valueOf(sum), BigDecimal.valueOf(n)};
    }

    private static Fig trustIndex(int[] trust) {
        BigDecimal[] s = trustSum(trust);
        int n = s[1].intValue();
        return n == 0 ? Fig.noData("PULSE") : Fig.score(Fig.oneDecimal(s[0].divide(s[1], MathContext.DECIMAL64)), n,
                MIN_RESPONDENTS, "PULSE");
    }

    private Fig trustChange(Optional<ScenarioPulse> pulse, int week, int[] now) {
        Fig index = trustIndex(now);
        if (!index.isShown()) {
            return index.state() == Fig.State.SUPPRESSED ? Fig.suppressed("PULSE") : Fig.noData("PULSE");
        }
        BigDecimal sum = BigDecimal.ZERO;
        long n = 0;
        for (int w = Math.max(0, week - 4); w < week; w++) {
            int[] before = counts(answers.getOrDefault(pulse.get().id(), Map.of()).getOrDefault(w, Map.of()),
                    "trust", 5, 1);
            if (trustIndex(before).isShown()) {
                BigDecimal[] s = trustSum(before);
                sum = sum.add(s[0]);
                n += s[1].longValue();
            }
        }
        if (n == 0) {
            return Fig.noData("PULSE");
        }
        BigDecimal[] current = trustSum(now);
        BigDecimal change = current[0].divide(current[1], MathContext.DECIMAL128)
                .subtract(sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128));
        return Fig.score(Fig.oneDecimal(change), (int) n + current[1].intValue(), MIN_RESPONDENTS, "PULSE");
    }

    /** All five shown, or all suppressed when any group of 1 to 4 (or the total) is too small. */
    private static List<Fig> distribution(int[] trust) {
        int total = 0;
        boolean hide = false;
        for (int c : trust) {
            total += c;
            hide |= c > 0 && c < MIN_RESPONDENTS;
        }
        hide |= total < MIN_RESPONDENTS;
        List<Fig> figures = new ArrayList<>();
        for (int c : trust) {
            figures.add(hide ? Fig.suppressed("PULSE") : Fig.shown(BigDecimal.valueOf(c).setScale(1), total,
                    "PULSE"));
        }
        return figures;
    }

    private Fig response(ScenarioPulse pulse, int week) {
        Set<String> delivered = recipients(pulse.id(), week);
        if (delivered.isEmpty()) {
            return Fig.noData("PULSE");
        }
        long answered = respondents(pulse.id(), week).stream().filter(delivered::contains).count();
        return Fig.score(Fig.percent(answered, delivered.size()), delivered.size(), MIN_RESPONDENTS, "PULSE");
    }

    private static Fig median(Map<String, Map<String, String>> round) {
        TreeMap<Integer, Integer> histogram = new TreeMap<>();
        round.values().forEach(qs -> {
            if (qs.containsKey("cycle-time")) {
                histogram.merge(Integer.parseInt(qs.get("cycle-time")), 1, Integer::sum);
            }
        });
        List<Integer> sorted = new ArrayList<>();
        histogram.forEach((v, c) -> {
            for (int i = 0; i < c; i++) {
                sorted.add(v);
            }
        });
        int n = sorted.size();
        if (n == 0) {
            return Fig.noData("PULSE");
        }
        BigDecimal median = BigDecimal.valueOf(sorted.get((n - 1) / 2) + sorted.get(n / 2))
                .divide(BigDecimal.valueOf(2), 1, java.math.RoundingMode.UNNECESSARY);
        return Fig.score(median, n, MIN_RESPONDENTS, "PULSE");
    }

    private static Fig cycleDelta(Fig median, ScenarioWorkflow workflow) {
        if (!median.isShown() || workflow.cycleTimeBaseline().isEmpty()) {
            return median.state() == Fig.State.SUPPRESSED ? Fig.suppressed("PULSE") : Fig.noData("PULSE");
        }
        BigDecimal baseline = BigDecimal.valueOf(workflow.cycleTimeBaseline().getAsInt());
        BigDecimal delta = median.value().subtract(baseline).multiply(BigDecimal.valueOf(100))
                .divide(baseline, MathContext.DECIMAL128);
        return Fig.score(Fig.oneDecimal(delta), median.n(), MIN_RESPONDENTS, "PULSE");
    }

    /** One rollout wave's figures in a week: live or not, its team, its WAU and its trust index. */
    record WaveExpected(int wave, String goLive, boolean live, int team, Fig wau, Fig trust) {
    }

    /**
     * The figures of each wave of a workflow rolled out in waves, by the README's rules: a wave counts from its
     * go-live week; its team is its target team size; its WAU counts its own members' use (a wave not yet live has
     * none, whatever its members tried); its trust index rests on its members' answers to the workflow's
     * confidential pulse in that week, shown from 5.
     */
    List<WaveExpected> waves(String id, int week) {
        ScenarioWorkflow workflow = scenario.workflow(id);
        Optional<ScenarioPulse> pulse = scenario.pulses().stream().filter(p -> p.workflowId().equals(id)
                && !p.anonymous()).findFirst();
        List<WaveExpected> waves = new ArrayList<>();
        for (ScenarioWave wave : workflow.waves()) {
            String goLive = scenario.firstMonday().plusWeeks(wave.goLiveWeek()).toString();
            if (!wave.liveIn(week)) {
                waves.add(new WaveExpected(wave.number(), goLive, false, wave.targetTeamSize(), Fig.noData("TELEMETRY"),
                        Fig.noData("PULSE")));
                continue;
            }
            Set<String> members = new HashSet<>();
            for (Membership m : scenario.memberships()) {
                if (m.workflowId().equals(id) && m.wave() == wave.number() && memberDuring(m, week)) {
                    members.add(m.email());
                }
            }
            Map<String, Map<String, String>> round = new HashMap<>();
            pulse.ifPresent(p -> answers.getOrDefault(p.id(), Map.of()).getOrDefault(week, Map.of())
                    .forEach((email, qs) -> {
                        if (members.contains(email)) {
                            round.put(email, qs);
                        }
                    }));
            waves.add(new WaveExpected(wave.number(), goLive, true, wave.targetTeamSize(),
                    wau(workflow, week, wave.targetTeamSize(), members), trustIndex(counts(round, "trust", 5, 1))));
        }
        return waves;
    }
}
