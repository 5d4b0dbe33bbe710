package io.uptake.scenario;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeSet;

/** Draws one organisation, its programmes and its year from a seed; every choice comes from that seed. */
final class ScenarioGenerator {

    static final LocalDate FIRST_MONDAY = LocalDate.parse("2026-01-05");
    private static final String DOMAIN = "@scenario.example";
    /** The workflow whose telemetry is pulled from GitHub Copilot rather than posted as files. */
    static final String PULLED = "finance-close";
    /** The workflow that rolls out in waves, and the week whose programmes file first declares it. */
    static final String ROLLED_OUT = "claims-intake";
    static final int ROLLOUT_FROM = 1;
    private static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Asia/Tokyo",
            "Australia/Sydney", "Asia/Kolkata", "Europe/Berlin");
    private static final List<String> FIRST = List.of("Ana", "Ben", "Cy", "Dee", "Eli", "Fay", "Gus", "Hana", "Ivo",
            "Jun", "Kai", "Lea", "Mo", "Nia", "Oto", "Pia", "Quin", "Ravi", "Sol", "Tove");
    private static final List<String> LAST = List.of("Ortiz", "Brandt", "Okafor", "Sato", "Nguyen", "Kowalski",
            "Haddad", "Moreau", "Silva", "Iyer", "Larsen", "Mensah");

    private final long seed;
    private final Size size;
    private final LocalDate firstMonday;
    private final SplittableRandom random;
    /**
     * Draws for what came later than the first year's scenario (blockers, comments, stakeholders), apart from
     * {@link #random} so the older draws, and every figure resting on them, stay as they were.
     */
    private final SplittableRandom reasons;
    /** Draws for the programme that rolls out in waves, apart from the others for the same reason. */
    private final SplittableRandom rollout;
    private final List<ScenarioPerson> people = new ArrayList<>();
    private final Map<String, Double> propensity = new HashMap<>();
    private final Map<String, Double> trustBase = new HashMap<>();
    private final Map<String, Double> responsiveness = new HashMap<>();

    ScenarioGenerator(long seed, Size size, LocalDate firstMonday) {
        this.seed = seed;
        this.size = size;
        this.firstMonday = firstMonday;
        this.random = new SplittableRandom(seed);
        this.reasons = new SplittableRandom(seed * 31 + 18);
        this.rollout = new SplittableRandom(seed * 31 + 20);
    }

    Scenario generate() {
        int s = size.scale();
        List<ScenarioPerson> sponsors = pool(3, Platform.SLACK);
        List<ScenarioPerson> claims = pool(55 * s, Platform.SLACK);
        List<ScenarioPerson> claimsJoiners = pool(14 * s, Platform.SLACK);
        List<ScenarioPerson> serviceGroup = pool(30 * s, Platform.SLACK);
        List<ScenarioPerson> letters = pool(10 * s, Platform.SLACK);
        List<ScenarioPerson> service = pool(45 * s, Platform.TEAMS);
        List<ScenarioPerson> serviceJoiners = pool(10 * s, Platform.TEAMS);
        List<ScenarioPerson> finance = pool(35 * s, Platform.TEAMS);
        List<ScenarioPerson> emailOnly = pool(8 * s, Platform.NONE);

        List<ScenarioWorkflow> workflows = new ArrayList<>(List.of(
                workflow("claims-triage", "claims-ai", "Claims triage", AudienceKind.SLACK_CHANNEL, "C0CLAIMS",
                        OptionalInt.of(60 * s), claims.get(0), 0, OptionalInt.empty(), OptionalInt.of(20), true,
                        OptionalInt.of(18), Optional.of(new ScenarioWorkflow.Outcome("Claims closed per FTE per week",
                                120, 150, "2027-Q1"))),
                workflow("claims-letters", "claims-ai", "Claims letters", AudienceKind.EMAILS, "",
                        OptionalInt.empty(), letters.get(0), 0, OptionalInt.empty(), OptionalInt.empty(), true,
                        OptionalInt.empty(), Optional.empty()),
                workflow("service-replies", "service-ai", "Service replies", AudienceKind.SLACK_USERGROUP,
                        "S0SERVICE", OptionalInt.empty(), serviceGroup.get(0), 0, OptionalInt.empty(),
                        OptionalInt.empty(), false, OptionalInt.empty(), Optional.empty()),
                workflow("service-summaries", "service-ai", "Case summaries", AudienceKind.TEAMS_TEAM,
                        "19:service@thread.tacv2", OptionalInt.of(50 * s), service.get(0), 0, OptionalInt.empty(),
                        OptionalInt.empty(), true, OptionalInt.of(25), Optional.of(new ScenarioWorkflow.Outcome(
                                "Cases closed per day", 40, 60, "2027-Q1"))),
                workflow("finance-close", "finance-ai", "Month-end close", AudienceKind.TEAMS_TEAM,
                        "19:finance@thread.tacv2", OptionalInt.of(40 * s), finance.get(0), 0, OptionalInt.empty(),
                        OptionalInt.empty(), true, OptionalInt.of(40), Optional.of(new ScenarioWorkflow.Outcome(
                                "Close days saved per month", 0, 4, "2027-Q1"))),
                workflow("finance-forecast", "finance-ai", "Cash forecast", AudienceKind.EMAILS, "",
                        OptionalInt.of(12 * s), finance.get(1), 8, OptionalInt.empty(), OptionalInt.empty(), true,
                        OptionalInt.empty(), Optional.empty()),
                workflow("finance-recon", "finance-ai", "Bank reconciliation", AudienceKind.EMAILS, "",
                        OptionalInt.empty(), serviceGroup.get(1), 0, OptionalInt.of(30), OptionalInt.empty(), true,
                        OptionalInt.empty(), Optional.empty())));
        List<ScenarioPulse> pulses = new ArrayList<>(List.of(
                new ScenarioPulse("claims-weekly", "claims-triage", false, List.of("trust", "correction",
                        "cycle-time", "blockers"), DayOfWeek.TUESDAY, LocalTime.of(10, 0), "recipient", 0),
                new ScenarioPulse("letters-weekly", "claims-letters", true, List.of("trust", "correction",
                        "blockers"), DayOfWeek.WEDNESDAY, LocalTime.of(11, 0), "recipient", 0),
                new ScenarioPulse("replies-weekly", "service-replies", false, List.of("usage", "trust"),
                        DayOfWeek.THURSDAY, LocalTime.of(10, 0), "recipient", 1),
                new ScenarioPulse("summaries-weekly", "service-summaries", false, List.of("trust", "correction",
                        "cycle-time", "blockers"), DayOfWeek.TUESDAY, LocalTime.of(14, 0), "recipient", 2),
                new ScenarioPulse("close-weekly", "finance-close", true, List.of("trust", "cycle-time"),
                        DayOfWeek.TUESDAY, LocalTime.of(9, 30), "Europe/London", 3)));
        List<ScenarioDigest> digests = List.of(
                new ScenarioDigest("slack:C0LEADERS", List.of("claims-ai", "service-ai"), DayOfWeek.MONDAY,
                        LocalTime.of(9, 0), "Europe/London"),
                new ScenarioDigest("teams:19:leaders@thread.tacv2", List.of("service-ai", "finance-ai"),
                        DayOfWeek.MONDAY, LocalTime.of(9, 0), "Australia/Sydney"));

        List<Membership> memberships = new ArrayList<>();
        TreeSet<Integer> fileChanges = new TreeSet<>(List.of(0, 8, 20, 30));
        directoryAudience(memberships, "claims-triage", claims, claimsJoiners, 10 * s);
        directoryAudience(memberships, "service-summaries", service, serviceJoiners, 8 * s);
        directoryAudience(memberships, "finance-close", finance, List.of(), 3 * s);
        serviceGroup.forEach(p -> memberships.add(new Membership(p.email(), "service-replies", 0, Membership.STAYS)));
        List<ScenarioPerson> letterList = new ArrayList<>(letters);
        letterList.addAll(service.subList(20 * s, 30 * s));
        letterList.addAll(emailOnly.subList(0, 4 * s));
        for (int i = 0; i < letterList.size(); i++) {
            int left = i >= letterList.size() - 3 * s && i >= 10 * s ? 35 : Membership.STAYS;
            memberships.add(new Membership(letterList.get(i).email(), "claims-letters", 0, left));
        }
        emailOnly.subList(4 * s, 6 * s).forEach(p -> memberships.add(new Membership(p.email(), "claims-letters", 15,
                Membership.STAYS)));
        fileChanges.addAll(List.of(15, 35));
        List<ScenarioPerson> forecast = new ArrayList<>(finance.subList(20 * s, 26 * s));
        forecast.addAll(claims.subList(40 * s, 44 * s));
        forecast.addAll(emailOnly.subList(6 * s, 8 * s));
        forecast.forEach(p -> memberships.add(new Membership(p.email(), "finance-forecast", 8, Membership.STAYS)));
        serviceGroup.subList(10 * s, 20 * s).forEach(p -> memberships.add(new Membership(p.email(), "finance-recon",
                0, Membership.STAYS)));

        List<ScenarioProgramme> programmes = new ArrayList<>(programmes(sponsors, workflows, finance));
        rollout(programmes, workflows, pulses, memberships, service.subList(30 * s, 33 * s));
        fileChanges.add(ROLLOUT_FROM);
        List<CatalogueVersion> catalogues = new ArrayList<>();
        for (int week : fileChanges) {
            catalogues.add(new CatalogueVersion(catalogues.size(), week, new ProgrammesFileText(programmes,
                    workflows, pulses, digests, memberships, firstMonday).at(week)));
        }
        Map<String, Integer> erased = Map.of(claims.get(11).email(), 30);
        List<WeekPlan> timeline = new Timeline(new Timeline.Draws(random, reasons,
                new SplittableRandom(seed * 31 + 19), rollout), workflows, programmes, pulses,
                memberships, catalogues, people, propensity, trustBase, responsiveness, erased)
                .weeks(firstMonday, Scenario.WEEKS, personalChoices(claims, service, finance, erased));
        return new Scenario(seed, size, firstMonday, "Scenario Insurance " + seed, people, programmes, workflows,
                pulses, digests, memberships, catalogues, timeline);
    }

    /**
     * The three programmes. Claims AI names its accountable owner, its own outcome (no draw: fixed figures, so the
     * seed's draws stay as they were) and six stakeholders on Slack, so its stakeholder
     * pulse has enough answers to show; Finance AI three members of the finance team on Teams (whom the bot knows
     * from its roster), too few to show more than that answers exist; Service AI two known by email only, whom no
     * chat platform can reach.
     */
    private List<ScenarioProgramme> programmes(List<ScenarioPerson> sponsors, List<ScenarioWorkflow> workflows,
                                               List<ScenarioPerson> financeTeam) {
        List<String> claims = stakeholders(6, Platform.SLACK);
        // the finance team's first fifteen never leave; 0 and 1 own workflows and 4 pauses
        List<String> finance = List.of(financeTeam.get(2).email(), financeTeam.get(3).email(),
                financeTeam.get(5).email());
        List<String> service = stakeholders(2, Platform.NONE);
        return List.of(
                new ScenarioProgramme("claims-ai", "Claims AI", sponsors.get(0).email(),
                        Optional.of(workflows.get(0).ownerEmail()), claims,
                        Optional.of(new ScenarioWorkflow.Outcome("Claims cost per policy", 400, 340, "2027-Q4"))),
                new ScenarioProgramme("service-ai", "Service AI", sponsors.get(1).email(), Optional.empty(), service),
                new ScenarioProgramme("finance-ai", "Finance AI", sponsors.get(2).email(), Optional.empty(),
                        finance));
    }

    /**
     * Intake AI: one workflow, Claims intake, piloted from week {@link #ROLLOUT_FROM} and rolled out in three waves,
     * one of each kind of audience: an emails list of Slack, Teams and email-only people (live from its first week;
     * its Teams people are members of the service team, whose roster makes them known to the bot),
     * a Slack channel (from week 18) and a Teams team (from week 34), each with its own target team size. The
     * channel's and the team's members are there from the start, and a few try the tool before their wave goes
     * live. Its confidential pulse asks trust and correction; it has no outcome and no owner for the programme.
     */
    private void rollout(List<ScenarioProgramme> programmes, List<ScenarioWorkflow> workflows,
                         List<ScenarioPulse> pulses, List<Membership> memberships, List<ScenarioPerson> onTeams) {
        int s = size.scale();
        ScenarioPerson sponsor = pool(1, Platform.SLACK, rollout).get(0);
        List<ScenarioPerson> first = new ArrayList<>(pool(4 * s, Platform.SLACK, rollout));
        first.addAll(onTeams);
        first.addAll(pool(s, Platform.NONE, rollout));
        List<ScenarioPerson> channel = pool(9 * s, Platform.SLACK, rollout);
        List<ScenarioPerson> team = pool(10 * s, Platform.TEAMS, rollout);
        List<ScenarioWave> waves = List.of(
                new ScenarioWave(1, AudienceKind.EMAILS, "", ROLLOUT_FROM, 8 * s),
                new ScenarioWave(2, AudienceKind.SLACK_CHANNEL, "C0INTAKE", 18, 10 * s),
                new ScenarioWave(3, AudienceKind.TEAMS_TEAM, "19:intake@thread.tacv2", 34, 12 * s));
        workflows.add(new ScenarioWorkflow(ROLLED_OUT, "intake-ai", "Claims intake", AudienceKind.EMAILS, "",
                OptionalInt.empty(), first.get(0).email(), ROLLOUT_FROM, OptionalInt.empty(), OptionalInt.empty(),
                true, OptionalInt.empty(), Optional.empty(), Optional.empty(), waves));
        first.forEach(p -> memberships.add(new Membership(p.email(), ROLLED_OUT, 0, Membership.STAYS, 1)));
        channel.forEach(p -> memberships.add(new Membership(p.email(), ROLLED_OUT, 0, Membership.STAYS, 2)));
        team.forEach(p -> memberships.add(new Membership(p.email(), ROLLED_OUT, 0, Membership.STAYS, 3)));
        pulses.add(new ScenarioPulse("intake-weekly", ROLLED_OUT, false, List.of("trust", "correction"),
                DayOfWeek.THURSDAY, LocalTime.of(11, 0), "recipient", 2));
        programmes.add(new ScenarioProgramme("intake-ai", "Intake AI", sponsor.email(), Optional.empty(),
                List.of()));
    }

    private List<String> stakeholders(int count, Platform platform) {
        return pool(count, platform, reasons).stream().map(ScenarioPerson::email).toList();
    }

    /** Opt-outs, pauses and the erasure, by week. */
    private Map<Integer, List<ScenarioEvent>> personalChoices(List<ScenarioPerson> claims,
                                                              List<ScenarioPerson> service,
                                                              List<ScenarioPerson> finance,
                                                              Map<String, Integer> erased) {
        Map<Integer, List<ScenarioEvent>> choices = new LinkedHashMap<>();
        add(choices, 6, new ScenarioEvent.OptedOut(claims.get(5).email()));
        add(choices, 9, new ScenarioEvent.OptedOut(service.get(6).email()));
        add(choices, 12, new ScenarioEvent.OptedOut(claims.get(7).email()));
        add(choices, 20, new ScenarioEvent.OptedIn(claims.get(7).email()));
        add(choices, 14, new ScenarioEvent.Paused(claims.get(9).email(), 14));
        add(choices, 22, new ScenarioEvent.Paused(service.get(9).email(), 21));
        add(choices, 33, new ScenarioEvent.Paused(finance.get(4).email(), 7));
        erased.forEach((email, week) -> add(choices, week, new ScenarioEvent.Erased(email)));
        return choices;
    }

    private static void add(Map<Integer, List<ScenarioEvent>> choices, int week, ScenarioEvent event) {
        choices.computeIfAbsent(week, w -> new ArrayList<>()).add(event);
    }

    /**
     * Initial members stay from week 0; joiners arrive on random Mondays; some initial members (never the first
     * fifteen, who own, opt out, pause or are erased) leave on random Mondays.
     */
    private void directoryAudience(List<Membership> memberships, String workflowId, List<ScenarioPerson> initial,
                                   List<ScenarioPerson> joiners, int leavers) {
        TreeSet<Integer> leaving = new TreeSet<>();
        while (leaving.size() < leavers) {
            leaving.add(15 + random.nextInt(initial.size() - 15));
        }
        for (int i = 0; i < initial.size(); i++) {
            int left = leaving.contains(i) ? 5 + random.nextInt(46) : Membership.STAYS;
            memberships.add(new Membership(initial.get(i).email(), workflowId, 0, left));
        }
        for (int i = 0; i < joiners.size(); i++) {
            int from = 3 + random.nextInt(44);
            int left = i % 7 == 6 ? Math.min(51, from + 4 + random.nextInt(4)) : Membership.STAYS;
            memberships.add(new Membership(joiners.get(i).email(), workflowId, from, left));
        }
    }

    private List<ScenarioPerson> pool(int count, Platform platform) {
        return pool(count, platform, random);
    }

    private List<ScenarioPerson> pool(int count, Platform platform, SplittableRandom random) {
        List<ScenarioPerson> pool = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = people.size() + 1;
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            String email = (first + "." + last + "." + n).toLowerCase() + DOMAIN;
            String zone = ZONES.get(random.nextInt(ZONES.size()));
            String chatId = switch (platform) {
                case SLACK -> String.format("U%07d", n);
                case TEAMS -> String.format("29:scn-%04d", n);
                case NONE -> "";
            };
            ScenarioPerson person = new ScenarioPerson(email, first + " " + last, zone,
                    zone.startsWith("Europe/Berlin") ? "de-DE" : "en-GB", platform, chatId);
            people.add(person);
            propensity.put(email, 0.15 + 0.8 * random.nextDouble());
            trustBase.put(email, 2.2 + 2.6 * random.nextDouble());
            responsiveness.put(email, 0.55 + 0.4 * random.nextDouble());
            pool.add(person);
        }
        return pool;
    }

    private static ScenarioWorkflow workflow(String id, String programme, String name, AudienceKind kind,
                                             String ref, OptionalInt size, ScenarioPerson owner, int added,
                                             OptionalInt retired, OptionalInt production, boolean telemetry,
                                             OptionalInt cycle, Optional<ScenarioWorkflow.Outcome> outcome) {
        // Month-end close's telemetry is pulled from GitHub Copilot; every other workflow's arrives as files.
        Optional<String> source = id.equals(PULLED) ? Optional.of("github-copilot") : Optional.empty();
        return new ScenarioWorkflow(id, programme, name, kind, ref, size, owner.email(), added, retired, production,
                telemetry, cycle, outcome, source);
    }

    static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(Math.round(value * 10) / 10.0);
    }
}
