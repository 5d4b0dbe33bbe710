package io.uptake.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Draws each week's events: directory changes, reloads, personal choices, telemetry, answers and check-ins. */
final class Timeline {

    private static final String[] CYCLE_MINUTES = {"3", "8", "15", "30", "50", "90"};
    /** Which of the year's check-ins claims-triage's owner misses (its sponsor is told). */
    private static final int MISSED_CHECKIN = 2;
    /** The quarter (by its index among the check-in weeks) whose programme check-in Claims AI's owner misses. */
    static final int MISSED_PROGRAMME_CHECKIN = 1;

    /** From this week on, Claims letters drifts back to the old way: its people use it a third as often. */
    static final int DRIFT_FROM = 40;
    /** From this week on, Case summaries' output needs fixing often, while trust stays where it was. */
    static final int OVER_TRUST_FROM = 26;
    /**
     * From this week on, Case summaries' owner claims more than its system of record measures: the measured value
     * is the claim ÷ {@link #OVER_CLAIM} (the claim is 25 % higher), where other owners' claims lie within 4 %.
     */
    static final int OVER_CLAIM_FROM = OVER_TRUST_FROM;
    static final double OVER_CLAIM = 1.25;
    static final String OVER_CLAIMER = "service-summaries";
    private static final String[] BLOCKERS = {"data-access", "integration", "rules", "trust", "training", "time",
        "fit", "nothing"};
    /** How often each blocker is named in the first half of the year, and in the second (per mille). */
    private static final int[][] BLOCKER_WEIGHTS = {{300, 200, 100, 100, 150, 100, 30, 20},
        {60, 80, 40, 150, 60, 250, 60, 300}};

    private final SplittableRandom random;
    private final SplittableRandom reasons;
    private final SplittableRandom measures;
    private final SplittableRandom rollout;
    private final List<ScenarioWorkflow> workflows;
    private final List<ScenarioProgramme> programmes;
    private final List<ScenarioPulse> pulses;
    private final List<Membership> memberships;
    private final List<CatalogueVersion> catalogues;
    private final Map<String, ScenarioPerson> people = new HashMap<>();
    private final Map<String, Double> propensity;
    private final Map<String, Double> trustBase;
    private final Map<String, Double> responsiveness;
    private final Map<String, Integer> erased;
    private final Map<String, Integer> optedOutFrom = new HashMap<>();
    private final Map<String, Integer> pausedUntilWeek = new HashMap<>();
    /** Weeks in which the outcome check-in of each quarter is logged (Wednesday of the quarter's second week). */
    private List<Integer> checkinWeeks = List.of();

    /**
     * The two streams of draws.
     *
     * @param random  the first year's draws
     * @param reasons the draws of what came later (blockers, comments, stakeholders), kept apart so the first
     *                year's draws do not move
     * @param measures the draws of the outcome values the systems of record measure, apart from both
     * @param rollout  the draws of the workflow rolled out in waves and its programme, apart from all three
     */
    record Draws(SplittableRandom random, SplittableRandom reasons, SplittableRandom measures,
                 SplittableRandom rollout) {
    }

    Timeline(Draws draws, List<ScenarioWorkflow> workflows, List<ScenarioProgramme> programmes,
             List<ScenarioPulse> pulses, List<Membership> memberships, List<CatalogueVersion> catalogues,
             List<ScenarioPerson> people, Map<String, Double> propensity, Map<String, Double> trustBase,
             Map<String, Double> responsiveness, Map<String, Integer> erased) {
        this.random = draws.random();
        this.reasons = draws.reasons();
        this.measures = draws.measures();
        this.rollout = draws.rollout();
        this.workflows = workflows;
        this.programmes = programmes;
        this.pulses = pulses;
        this.memberships = memberships;
        this.catalogues = catalogues;
        people.forEach(p -> this.people.put(p.email(), p));
        this.propensity = propensity;
        this.trustBase = trustBase;
        this.responsiveness = responsiveness;
        this.erased = erased;
    }

    List<WeekPlan> weeks(LocalDate firstMonday, int count, Map<Integer, List<ScenarioEvent>> choices) {
        checkinWeeks = checkinWeeks(firstMonday, count);
        List<WeekPlan> weeks = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            List<ScenarioEvent> events = new ArrayList<>();
            int week = w;
            catalogues.stream().filter(c -> c.fromWeek() == week && week > 0)
                    .forEach(c -> events.add(new ScenarioEvent.Reloaded(c.version())));
            for (Membership m : memberships) {
                if (workflow(m.workflowId()).kindOf(m) != AudienceKind.EMAILS) {
                    if (m.fromWeek() == w && w > 0) {
                        events.add(new ScenarioEvent.Joined(m.email(), m.workflowId()));
                    }
                    if (m.leftWeek() == w) {
                        events.add(new ScenarioEvent.Left(m.email(), m.workflowId()));
                    }
                }
            }
            for (ScenarioEvent choice : choices.getOrDefault(w, List.of())) {
                events.add(choice);
                remember(choice, w);
            }
            Map<String, Boolean> active = new HashMap<>();
            usage(events, firstMonday.plusWeeks(w), w, active);
            answers(events, w, active);
            checkins(events, w);
            measured(events, firstMonday.plusWeeks(w), w);
            stakeholders(events, firstMonday.plusWeeks(w), w);
            weeks.add(new WeekPlan(w, firstMonday.plusWeeks(w), events));
        }
        return weeks;
    }

    private void remember(ScenarioEvent choice, int week) {
        if (choice instanceof ScenarioEvent.OptedOut o) {
            optedOutFrom.put(o.email(), week);
        } else if (choice instanceof ScenarioEvent.OptedIn o) {
            optedOutFrom.remove(o.email());
        } else if (choice instanceof ScenarioEvent.Paused p) {
            pausedUntilWeek.put(p.email(), week + p.days() / 7);
        }
    }

    private void usage(List<ScenarioEvent> events, LocalDate monday, int w, Map<String, Boolean> active) {
        for (int i = 0; i < workflows.size(); i++) {
            ScenarioWorkflow workflow = workflows.get(i);
            if (!workflow.declaredIn(w)) {
                continue;
            }
            ScenarioEvent.Feed feed = workflow.usageSource().isPresent() ? ScenarioEvent.Feed.GITHUB
                    : (w + i) % 2 == 0 ? ScenarioEvent.Feed.JSON : ScenarioEvent.Feed.CSV;
            boolean firstWeek = w == workflow.addedWeek() && w > 0;
            SplittableRandom draws = draws(workflow);
            for (Membership m : memberships) {
                if (!m.workflowId().equals(workflow.id()) || !m.inAt(w) || erasedBy(m.email(), w)) {
                    continue;
                }
                double drift = workflow.id().equals("claims-letters") && w >= DRIFT_FROM ? 0.35 : 1;
                // a member of a wave not yet live only now and then tries it, which its figures must not count
                double early = workflow.liveIn(m, w) ? 1 : 0.1;
                double p = Math.min(0.97, propensity.get(m.email()) * (0.55 + 0.6 * w / Scenario.WEEKS)) * drift
                        * early;
                boolean used = draws.nextDouble() < p && !firstWeek;
                active.put(workflow.id() + "|" + m.email(), used);
                if (used && workflow.telemetry()) {
                    int days = 1 + draws.nextInt(3);
                    for (int d = 0; d < days; d++) {
                        events.add(new ScenarioEvent.Used(workflow.id(), m.email(), monday.plusDays(d * 2L),
                                1 + draws.nextInt(8), feed));
                    }
                }
            }
            if (workflow.telemetry() && workflow.id().equals("claims-triage")) {
                // someone outside the audience tries it: never part of its WAU
                events.add(new ScenarioEvent.Used(workflow.id(), outsider(w), monday.plusDays(3), 2, feed));
            }
        }
    }

    private String outsider(int w) {
        return memberships.stream().filter(m -> m.workflowId().equals("finance-close") && m.inAt(w))
                .skip(20).findFirst().orElseThrow().email();
    }

    private void answers(List<ScenarioEvent> events, int w, Map<String, Boolean> active) {
        for (ScenarioPulse pulse : pulses) {
            ScenarioWorkflow workflow = workflows.stream().filter(x -> x.id().equals(pulse.workflowId())).findFirst()
                    .orElseThrow();
            if (!workflow.declaredIn(w) || !pulse.runsIn(w)) {
                continue;
            }
            boolean fewAnswer = pulse.id().equals("letters-weekly") && w == 16;
            boolean lowResponse = pulse.id().equals("close-weekly") && (w == 43 || w == 47);
            double drop = pulse.id().equals("summaries-weekly") && w >= 20 && w < 24 ? 1.8 : 0;
            int answered = 0;
            SplittableRandom draws = draws(workflow);
            for (Membership m : memberships) {
                String email = m.email();
                if (!m.workflowId().equals(workflow.id()) || !m.inAt(w) || !workflow.liveIn(m, w)
                        || !asked(email, w)) {
                    continue;
                }
                double chance = lowResponse ? 0.3 : responsiveness.get(email);
                if (draws.nextDouble() >= chance || (fewAnswer && answered >= 3)) {
                    continue;
                }
                answered++;
                List<String> questions = new ArrayList<>();
                List<String> firstYear = pulse.questions().stream().filter(q -> !q.equals("blockers")).toList();
                for (String q : firstYear) {
                    if (draws.nextDouble() < 0.7) {
                        questions.add(q);
                    }
                }
                if (questions.isEmpty()) {
                    questions.add(firstYear.get(0));
                }
                for (String q : questions) {
                    if (q.equals("trust") && draws.nextDouble() < 0.05) {
                        events.add(new ScenarioEvent.Answered(pulse.id(), email, q, trust(draws, email, drop + 1)));
                    }
                    String value = switch (q) {
                        case "trust" -> trust(draws, email, drop);
                        case "correction" -> correction(draws, pulse, w);
                        case "cycle-time" -> CYCLE_MINUTES[Math.min(5, draws.nextInt(3) + draws.nextInt(4))];
                        case "usage" -> active.getOrDefault(workflow.id() + "|" + email, false)
                                ? Integer.toString(1 + draws.nextInt(3)) : "0";
                        default -> throw new IllegalStateException(q);
                    };
                    events.add(new ScenarioEvent.Answered(pulse.id(), email, q, value));
                }
                if (pulse.questions().contains("blockers")) {
                    blockers(events, pulse, email, w);
                }
            }
        }
    }

    private String correction(SplittableRandom draws, ScenarioPulse pulse, int w) {
        int value = Math.min(3, draws.nextInt(3) + draws.nextInt(2));
        boolean overTrust = pulse.id().equals("summaries-weekly") && w >= OVER_TRUST_FROM;
        return Integer.toString(overTrust ? Math.max(2, value) : value);
    }

    /**
     * Most who answer also say what is in the way, the mix shifting over the year; on Teams, where the card takes
     * text, some add a comment, which names a colleague, an email address or a phone number for the service to
     * remove before anyone reads it.
     */
    private void blockers(List<ScenarioEvent> events, ScenarioPulse pulse, String email, int w) {
        if (reasons.nextDouble() >= 0.8) {
            return;
        }
        int[] weights = BLOCKER_WEIGHTS[w < Scenario.WEEKS / 2 ? 0 : 1];
        int draw = reasons.nextInt(1000);
        int category = 0;
        int sum = weights[0];
        while (draw >= sum) {
            category++;
            sum += weights[category];
        }
        events.add(new ScenarioEvent.Answered(pulse.id(), email, "blockers", Integer.toString(category + 1)));
        if (people.get(email).platform() == Platform.TEAMS && reasons.nextDouble() < 0.5) {
            events.add(new ScenarioEvent.Answered(pulse.id(), email, "blockers-comment", comment(category)));
        }
    }

    private String comment(int category) {
        // a colleague the service knows by name from Slack's directory from the start, never the one erased
        List<ScenarioPerson> named = people.values().stream().filter(p -> p.platform() == Platform.SLACK
                && !erased.containsKey(p.email())).sorted(java.util.Comparator.comparing(ScenarioPerson::email))
                .toList();
        ScenarioPerson colleague = named.get(reasons.nextInt(named.size()));
        String phone = String.format("+44 20 7946 %04d", reasons.nextInt(10000));
        return switch (reasons.nextInt(3)) {
            case 0 -> "Waiting on " + colleague.name() + " for " + BLOCKERS[category] + " every week";
            case 1 -> "Mail " + colleague.email() + " about " + BLOCKERS[category] + ", it is still open";
            default -> "Call me on " + phone + " about " + BLOCKERS[category];
        };
    }

    /**
     * In the week of a quarter's first Monday (and the first week of the year), each sponsor and stakeholder a chat
     * platform reaches mostly answers the stakeholder pulse: confidence falling through the year, and willingness
     * to fund with it.
     */
    private void stakeholders(List<ScenarioEvent> events, LocalDate monday, int w) {
        // The quarter's round opens on its first Monday evening the service is asked to open rounds.
        boolean quarterStarts = w == 0 || monday.getDayOfMonth() <= 7 && monday.getMonthValue() % 3 == 1;
        if (!quarterStarts) {
            return;
        }
        for (ScenarioProgramme programme : programmes) {
            List<String> asked = new ArrayList<>();
            asked.add(programme.sponsorEmail());
            asked.addAll(programme.stakeholders());
            SplittableRandom draws = workflows.stream().anyMatch(x -> x.waved()
                    && x.programmeId().equals(programme.id())) ? rollout : reasons;
            for (String email : asked) {
                if (people.get(email).platform() == Platform.NONE || draws.nextDouble() >= 0.85) {
                    continue;
                }
                int confidence = (int) Math.max(1, Math.min(5, Math.round(4.6 - w / 20.0 + draws.nextGaussian())));
                // The fund question's values: 2 yes, 1 not sure, 0 no.
                String fund = confidence >= 4 ? "2" : confidence == 3 ? "1" : "0";
                events.add(new ScenarioEvent.StakeholderAnswered(programme.id(), email, "confidence",
                        Integer.toString(confidence)));
                events.add(new ScenarioEvent.StakeholderAnswered(programme.id(), email, "fund", fund));
            }
        }
    }

    private String trust(SplittableRandom draws, String email, double drop) {
        double value = trustBase.get(email) - drop + draws.nextGaussian() * 0.7;
        return Long.toString(Math.max(1, Math.min(5, Math.round(value))));
    }

    /**
     * The second week of each calendar quarter that starts in the year, and week 1 for the quarter the year starts
     * in: 1, 13, 26 and 39 for a year from 2026-01-05.
     */
    static List<Integer> checkinWeeks(LocalDate firstMonday, int count) {
        List<Integer> weeks = new ArrayList<>();
        LocalDate quarter = firstMonday.withDayOfMonth(1).withMonth(1 + (firstMonday.getMonthValue() - 1) / 3 * 3);
        for (; quarter.isBefore(firstMonday.plusWeeks(count)); quarter = quarter.plusMonths(3)) {
            LocalDate monday = quarter.with(java.time.temporal.TemporalAdjusters.previousOrSame(
                    java.time.DayOfWeek.MONDAY));
            int week = Math.max(1, (int) java.time.temporal.ChronoUnit.WEEKS.between(firstMonday, monday) + 1);
            if (week < count && !weeks.contains(week)) {
                weeks.add(week);
            }
        }
        return weeks;
    }

    private void checkins(List<ScenarioEvent> events, int w) {
        if (!checkinWeeks.contains(w)) {
            return;
        }
        for (ScenarioWorkflow workflow : workflows) {
            if (workflow.outcome().isEmpty() || !workflow.declaredIn(w)
                    || (workflow.id().equals("claims-triage") && checkinWeeks.indexOf(w) == MISSED_CHECKIN)) {
                continue;
            }
            ScenarioWorkflow.Outcome o = workflow.outcome().get();
            double progress = 0.1 + 0.2 * checkinWeeks.indexOf(w) + 0.1 * random.nextDouble();
            BigDecimal value = ScenarioGenerator.decimal(o.baseline() + (o.target() - o.baseline()) * progress);
            String status = progress > 0.4 ? "on_track" : "at_risk";
            events.add(new ScenarioEvent.CheckedIn(workflow.id(), workflow.ownerEmail(), value, status,
                    5 + random.nextInt(5)));
        }
        // The programme owners' own check-ins, after the workflows' and with no draw, so every seed's draws stay as
        // they were. Claims AI's owner misses the year's second quarter: the programme verdict rule then holds it
        // at ACTIVITY until the next one.
        for (ScenarioProgramme programme : programmes) {
            int index = checkinWeeks.indexOf(w);
            if (programme.ownerEmail().isEmpty() || programme.outcome().isEmpty()
                    || index == MISSED_PROGRAMME_CHECKIN) {
                continue;
            }
            ScenarioWorkflow.Outcome o = programme.outcome().get();
            BigDecimal value = ScenarioGenerator.decimal(o.baseline() + (o.target() - o.baseline()) * 0.15 * index);
            events.add(new ScenarioEvent.CheckedIn(programme.checkinKey(), programme.ownerEmail().get(), value,
                    "on_track", 7));
        }
    }

    /**
     * In each check-in week, the system of record of every workflow with an outcome posts the value it measured on
     * the Friday: within 4 % of the owner's claim that week, except that Case summaries' owner claims 25 % more
     * from {@link #OVER_CLAIM_FROM} on; without a claim that week (a missed check-in), the value progress alone gives.
     */
    private void measured(List<ScenarioEvent> events, LocalDate monday, int w) {
        if (!checkinWeeks.contains(w)) {
            return;
        }
        int quarter = checkinWeeks.indexOf(w);
        for (ScenarioWorkflow workflow : workflows) {
            if (workflow.outcome().isEmpty() || !workflow.declaredIn(w)) {
                continue;
            }
            ScenarioWorkflow.Outcome o = workflow.outcome().get();
            double honest = 1 + (measures.nextDouble() * 2 - 1) * 0.04;
            double value = events.stream().filter(e -> e instanceof ScenarioEvent.CheckedIn c
                            && c.workflowId().equals(workflow.id()))
                    .map(e -> ((ScenarioEvent.CheckedIn) e).value().doubleValue()).findFirst()
                    .map(claimed -> workflow.id().equals(OVER_CLAIMER) && w >= OVER_CLAIM_FROM
                            ? claimed / OVER_CLAIM : claimed * honest)
                    .orElse(o.baseline() + (o.target() - o.baseline()) * (0.15 + 0.2 * quarter));
            ScenarioEvent.Feed feed = quarter % 2 == 0 ? ScenarioEvent.Feed.JSON : ScenarioEvent.Feed.CSV;
            events.add(new ScenarioEvent.Measured(workflow.id(), monday.plusDays(4),
                    BigDecimal.valueOf(Math.round(value * 100) / 100.0), workflow.id() + "-ledger", feed));
        }
    }

    /** Whether a round of that week is sent to them: reachable, not opted out, paused or erased. */
    private boolean asked(String email, int w) {
        return people.get(email).platform() != Platform.NONE && !erasedBy(email, w)
                && !(optedOutFrom.containsKey(email) && optedOutFrom.get(email) <= w)
                && !(pausedUntilWeek.containsKey(email) && w < pausedUntilWeek.get(email));
    }

    private boolean erasedBy(String email, int w) {
        return erased.containsKey(email) && erased.get(email) <= w;
    }

    private ScenarioWorkflow workflow(String workflowId) {
        return workflows.stream().filter(x -> x.id().equals(workflowId)).findFirst().orElseThrow();
    }

    /** The stream a workflow's use and answers are drawn from: its own for one rolled out in waves. */
    private SplittableRandom draws(ScenarioWorkflow workflow) {
        return workflow.waved() ? rollout : random;
    }
}
