package io.uptake.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.chat.teams.SyncTeamsRosters;
import io.uptake.connect.github.FakeGitHub;
import io.uptake.connect.github.UserDayRecord;
import io.uptake.delivery.Dispatcher;
import io.uptake.digest.SendDigest;
import io.uptake.pulse.AddLateJoiners;
import io.uptake.pulse.CloseRounds;
import io.uptake.pulse.OpenRound;
import io.uptake.pulse.PulseSettings;
import io.uptake.pulse.SendReminders;
import io.uptake.time.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives the service through a generated year: one running service on a database, the fakes of Slack and
 * Teams on loopback, a clock moved by hand, jobs called directly; after each week every output is compared with
 * the oracle and each disagreement recorded as a finding.
 */
final class ScenarioRun implements AutoCloseable {

    static final String ADMIN = "scenario-admin-token";
    static final String LEADERS_SLACK = "C0LEADERS";
    static final String LEADERS_TEAM = "19:leaders@thread.tacv2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate FIRST = LocalDate.parse("2026-01-05");

    final Scenario scenario;
    final Oracle oracle;
    final Findings findings;
    final Phases phases = new Phases();
    private final SlackSide slack = new SlackSide();
    private final TeamsSide teams = new TeamsSide();
    /** GitHub on loopback: the pulled workflow's use, as GitHub's seat list and daily usage reports give it. */
    private final FakeGitHub github = FakeGitHub.start();
    private final Path catalogFile;
    private final EmbeddedServer server;
    private final ApplicationContext context;
    private final MutableClock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, ScenarioPerson> people;
    private final OutputChecks checks;
    private final StakeholderSide stakeholders;
    private final CommentChecks comments;
    final OutcomeSide outcomes;
    final EarlyWarningSide warnings;
    /** Directory audiences' current members: workflow → emails. */
    private final Map<String, Set<String>> directory = new HashMap<>();
    /** pulse + week → round id. */
    private final Map<String, Long> rounds = new HashMap<>();
    private final Map<String, Integer> slackPostsAtOpen = new HashMap<>();
    private final Map<String, Integer> teamsPostsAtOpen = new HashMap<>();
    private final Map<String, Long> digestIds = new HashMap<>();
    private final Map<String, List<SlackSide.Button>> slackLatest = new HashMap<>();
    private int slackScanned;

    ScenarioRun(Scenario scenario, Map<String, String> database, Path catalogFile) {
        this.scenario = scenario;
        this.oracle = new Oracle(scenario);
        this.findings = new Findings(scenario);
        this.catalogFile = catalogFile;
        this.people = scenario.peopleByEmail();
        Map<String, Object> settings = new HashMap<>(database);
        settings.putAll(slack.settings());
        settings.putAll(teams.settings());
        settings.put("uptake.catalog", catalogFile.toString());
        settings.put("uptake.admin-token", ADMIN);
        settings.put("uptake.public-url", "http://127.0.0.1:9/");
        settings.put("uptake.github.token", "scenario-github-token");
        settings.put("uptake.github.org", FakeGitHub.ORG);
        settings.put("uptake.github.api-url", github.url());
        this.server = ApplicationContext.run(EmbeddedServer.class, settings, "test");
        this.context = server.getApplicationContext();
        this.clock = context.getBean(MutableClock.class);
        this.checks = new OutputChecks(this);
        this.stakeholders = new StakeholderSide(this);
        this.comments = new CommentChecks(this);
        this.outcomes = new OutcomeSide(this);
        this.warnings = new EarlyWarningSide(this);
    }

    static String isoWeek(int week) {
        LocalDate monday = FIRST.plusWeeks(week);
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Runs {@code weeks} weeks of the timeline, checking each week's outputs. */
    void run(int weeks) throws Exception {
        LocalDate first = scenario.firstMonday();
        clock.set(first.atTime(0, 1).toInstant(ZoneOffset.UTC));
        reload(0);
        for (ScenarioWorkflow w : scenario.workflows()) {
            if (w.kind() == AudienceKind.TEAMS_TEAM) {
                teamsPost(teams.botAddedToTeam(w.audienceRef(), people.get(w.ownerEmail()).chatId()));
            }
            for (ScenarioWave wave : w.waves()) {
                if (wave.kind() == AudienceKind.TEAMS_TEAM) {
                    // added by the first member of the wave's team
                    String member = scenario.memberships().stream().filter(m -> m.workflowId().equals(w.id())
                            && m.wave() == wave.number()).findFirst().orElseThrow().email();
                    teamsPost(teams.botAddedToTeam(wave.audienceRef(), people.get(member).chatId()));
                }
            }
        }
        teamsPost(teams.botAddedToTeam(LEADERS_TEAM, people.get(scenario.workflow("finance-close").ownerEmail())
                .chatId()));
        for (Membership m : scenario.memberships()) {
            ScenarioWorkflow w = scenario.workflow(m.workflowId());
            if (w.kindOf(m) != AudienceKind.EMAILS && m.inAt(0)) {
                directory.computeIfAbsent(w.refOf(m), k -> new LinkedHashSet<>()).add(m.email());
            }
        }
        javax.sql.DataSource data = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                .unwrapDataSource(context.getBean(javax.sql.DataSource.class));
        try (var connection = data.getConnection(); var rows = connection.createStatement()
                .executeQuery("SELECT id, channel FROM digest_subscription")) {
            while (rows.next()) {
                digestIds.put(rows.getString(2), rows.getLong(1));
            }
        }
        for (int w = 0; w < weeks; w++) {
            week(scenario.timeline().get(w), weeks);
        }
        at(first.plusWeeks(weeks), 1, 0);
        phases.time("scorecard checks", () -> checks.scorecard(weeks - 1, weeks));
    }

    private void week(WeekPlan plan, int weeks) throws Exception {
        int w = plan.index();
        LocalDate monday = plan.monday();
        at(monday, 0, 5);
        phases.time("reload", () -> {
            for (ScenarioEvent.Reloaded r : plan.events(ScenarioEvent.Reloaded.class)) {
                reload(r.version());
            }
        });
        at(monday, 0, 30);
        phases.time("telemetry", () -> pullGitHub(w, "monday", 0));
        for (ScenarioEvent e : plan.events()) {
            if (e instanceof ScenarioEvent.Joined j) {
                directory.computeIfAbsent(scenario.workflow(j.workflowId()).audienceRef(),
                        k -> new LinkedHashSet<>()).add(j.email());
            } else if (e instanceof ScenarioEvent.Left l) {
                directory.get(scenario.workflow(l.workflowId()).audienceRef()).remove(l.email());
            }
        }
        phases.time("directory sync", this::syncDirectories);
        phases.time("commands", () -> {
            for (ScenarioEvent e : plan.events()) {
                personalChoice(e);
            }
            dispatch();
        });
        if (w > 0) {
            at(monday, 1, 0);
            phases.time("scorecard checks", () -> checks.scorecard(w - 1, w));
            at(monday, 10, 0);
            phases.time("digest checks", () -> checks.digest(digestIds.get("slack:" + LEADERS_SLACK), "slack",
                    w - 1, w));
            at(monday, 12, 0);
            phases.time("status checks", () -> checks.status(w - 1, w));
            at(monday, 12, 30);
            phases.time("early warnings", () -> warnings.monday(w));
        }
        at(monday, 20, 0);
        phases.time("open rounds", () -> openRounds(plan));
        phases.time("stakeholders", () -> {
            stakeholders.open(w);
            stakeholders.answer(plan);
        });
        Set<String> clicked = new LinkedHashSet<>();
        for (Instant step : steps(monday, w)) {
            if (step.isAfter(clock.instant())) {
                clock.set(step);
            }
            LocalDate day = LocalDate.ofInstant(step, ZoneOffset.UTC);
            dispatch();
            for (ScenarioPulse pulse : scenario.pulses()) {
                String key = pulse.id() + "@" + w;
                if (rounds.containsKey(key) && !clicked.contains(key)
                        && !day.isBefore(monday.with(pulse.day()).plusDays(1))) {
                    clicked.add(key);
                    phases.time("clicks", () -> answer(plan, pulse, w));
                }
            }
            tick();
            if (step.equals(checkinTime(monday))) {
                phases.time("check-ins", () -> {
                    for (ScenarioEvent.CheckedIn c : plan.events(ScenarioEvent.CheckedIn.class)) {
                        outcomes.checkIn(w, c);
                    }
                    dispatch();
                });
            }
            if (step.equals(monday.plusDays(5).atStartOfDay().toInstant(ZoneOffset.UTC))) {
                phases.time("telemetry", () -> telemetry(plan));
                phases.time("outcome values", () -> {
                    for (ScenarioEvent.Measured m : plan.events(ScenarioEvent.Measured.class)) {
                        outcomes.post(w, m);
                    }
                    dispatch();
                });
            }
        }
        at(monday.plusDays(6), 20, 30);
        phases.time("telemetry", () -> pullGitHub(w, "sunday", 0));
        tick();
        phases.time("message checks", () -> {
            for (ScenarioPulse pulse : scenario.pulses()) {
                if (rounds.containsKey(pulse.id() + "@" + w)) {
                    checks.messages(pulse, w, rounds.get(pulse.id() + "@" + w),
                            slackPostsAtOpen.get(pulse.id() + "@" + w), teamsPostsAtOpen.get(pulse.id() + "@" + w));

                }
            }
        });
        phases.time("early warnings", () -> warnings.sunday(w));
        // The sponsors' messages of outcome gaps: sent when their quiet hours allow.
        phases.time("message checks", () -> outcomes.sponsors(w));
        // The comments of last week's rounds: shared at the close, sent when the readers' quiet hours allow.
        phases.time("message checks", () -> {
            for (ScenarioPulse pulse : scenario.pulses()) {
                String key = pulse.id() + "@" + (w - 1);
                if (rounds.containsKey(key) && pulse.questions().contains("blockers")) {
                    comments.round(pulse, w - 1, slackPostsAtOpen.get(key), teamsPostsAtOpen.get(key));
                }
            }
        });
        at(monday.plusDays(6), 23, 30);
        phases.time("digest checks", () -> checks.digest(digestIds.get("teams:" + LEADERS_TEAM), "teams", w,
                w + 1));
    }

    private void openRounds(WeekPlan plan) {
        int w = plan.index();
        LocalDate monday = plan.monday();
        for (ScenarioPulse pulse : scenario.pulses()) {
            if (scenario.workflow(pulse.workflowId()).declaredIn(w) && pulse.runsIn(w)) {
                String key = pulse.id() + "@" + w;
                slackPostsAtOpen.put(key, slack.api().calls("chat.postMessage").size());
                teamsPostsAtOpen.put(key, teams.posted().size());
                OpenRound.Result result = context.getBean(OpenRound.class).scheduled(pulse.id(),
                        monday.with(pulse.day()));
                if (result instanceof OpenRound.Result.Opened opened) {
                    rounds.put(key, opened.roundId());
                } else {
                    findings.add(new Finding(scenario.seed(), w, "messages", pulse.workflowId(), "round",
                            "opened", result.toString()));
                }
            }
        }
    }

    /**
     * The moments of a week the service has something to do: each pulse's send time in each zone people live in,
     * the same a day later (reminders), the day after each pulse (clicks), Saturday (telemetry).
     */
    private List<Instant> steps(LocalDate monday, int w) {
        java.util.TreeSet<Instant> steps = new java.util.TreeSet<>();
        Set<String> zones = new java.util.HashSet<>();
        scenario.people().forEach(p -> zones.add(p.zone()));
        // Teams rosters give no zone: the service sends to those people in its default zone
        zones.add(context.getBean(PulseSettings.class).defaultZone().getId());
        for (ScenarioPulse pulse : scenario.pulses()) {
            if (!rounds.containsKey(pulse.id() + "@" + w)) {
                continue;
            }
            LocalDate day = monday.with(pulse.day());
            for (String zone : pulse.zone().equals("recipient") ? zones : Set.of(pulse.zone())) {
                Instant due = day.atTime(pulse.at()).atZone(java.time.ZoneId.of(zone)).toInstant();
                steps.add(due.plusSeconds(60));
                steps.add(due.plus(java.time.Duration.ofHours(24)).plusSeconds(60));
            }
            steps.add(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        steps.add(checkinTime(monday));
        steps.add(monday.plusDays(5).atStartOfDay().toInstant(ZoneOffset.UTC));
        return List.copyOf(steps);
    }

    /** When owners log the week's outcome check-ins: Wednesday noon. */
    private static Instant checkinTime(LocalDate monday) {
        return monday.plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private void tick() {
        phases.timeQuietly("job: late joiners", () -> context.getBean(AddLateJoiners.class).run());
        phases.timeQuietly("job: reminders", () -> context.getBean(SendReminders.class).run());
        phases.timeQuietly("job: close rounds", () -> context.getBean(CloseRounds.class).run());
        dispatch();
    }

    void dispatch() {
        phases.timeQuietly("sends", () -> {
            Dispatcher dispatcher = context.getBean(Dispatcher.class);
            for (int i = 0; i < 20 && dispatcher.dispatchDue().sent() > 0; i++) {
                // sends until nothing due is left; pacing moves the test clock
            }
            scanSlack();
        });
    }

    private void reload(int version) throws IOException {
        Files.writeString(catalogFile, scenario.catalogues().get(version).text());
        HttpResponse<String> response = send(admin("/api/v1/catalog/reload").POST(HttpRequest.BodyPublishers
                .noBody()).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("seed " + scenario.seed() + ": catalogue version " + version
                    + " refused (" + response.statusCode() + "): " + response.body());
        }
    }

    private void syncDirectories() throws InterruptedException {
        List<ScenarioPerson> slackPeople = scenario.people().stream().filter(p -> p.platform() == Platform.SLACK)
                .toList();
        Map<String, java.util.Collection<String>> channels = new LinkedHashMap<>();
        Map<String, java.util.Collection<String>> groups = new LinkedHashMap<>();
        Map<String, AudienceKind> audiences = new LinkedHashMap<>();
        for (ScenarioWorkflow w : scenario.workflows()) {
            audiences.put(w.audienceRef(), w.kind());
            w.waves().forEach(wave -> audiences.put(wave.audienceRef(), wave.kind()));
        }
        audiences.forEach((ref, kind) -> {
            List<String> ids = directory.getOrDefault(ref, Set.of()).stream().map(e -> people.get(e).chatId())
                    .toList();
            switch (kind) {
                case SLACK_CHANNEL -> channels.put(ref, ids);
                case SLACK_USERGROUP -> groups.put(ref, ids);
                case TEAMS_TEAM -> teams.roster(ref, directory.getOrDefault(ref, Set.of()).stream()
                        .map(people::get).toList());
                default -> {
                }
            }
        });
        slack.directory(slackPeople, channels, groups);
        context.getBean(SyncSlackAudiences.class).run();
        context.getBean(SyncTeamsRosters.class).run();
    }

    private void personalChoice(ScenarioEvent e) throws Exception {
        String email;
        String text;
        if (e instanceof ScenarioEvent.OptedOut o) {
            email = o.email();
            text = "optout";
        } else if (e instanceof ScenarioEvent.OptedIn o) {
            email = o.email();
            text = "optin";
        } else if (e instanceof ScenarioEvent.Paused p) {
            email = p.email();
            text = "pause " + p.days() + "d";
        } else if (e instanceof ScenarioEvent.Erased x) {
            email = x.email();
            text = "forget-me confirm";
        } else {
            return;
        }
        ScenarioPerson person = people.get(email);
        if (person.platform() == Platform.SLACK) {
            slackCommand(person.chatId(), text);
        } else {
            teamsPost(teams.text(person.chatId(), text));
        }
    }

    private void answer(WeekPlan plan, ScenarioPulse pulse, int w) throws Exception {
        long round = rounds.get(pulse.id() + "@" + w);
        Map<String, List<JsonNode>> teamsData = new HashMap<>();
        List<FakeBotConnector.Call> posted = teams.posted();
        for (int i = teamsPostsAtOpen.get(pulse.id() + "@" + w); i < posted.size(); i++) {
            List<JsonNode> data = TeamsSide.answerData(posted.get(i).card());
            String user = teams.userOf(posted.get(i));
            if (user != null && !data.isEmpty() && data.get(0).path("roundId").asLong() == round
                    && data.stream().noneMatch(d -> d.path("question").asText().equals("confidence"))) {
                teamsData.putIfAbsent(user, data);
            }
        }
        for (ScenarioEvent.Answered a : plan.events(ScenarioEvent.Answered.class)) {
            if (!a.pulseId().equals(pulse.id())) {
                continue;
            }
            ScenarioPerson person = people.get(a.email());
            boolean done = person.platform() == Platform.SLACK
                    ? clickSlack(slackLatest.get(person.chatId() + "#" + round), person, a)
                    : clickTeams(teamsData, person, a);
            if (!done) {
                findings.add(new Finding(scenario.seed(), w, "messages", pulse.workflowId(), "click",
                        "a pulse message with a '" + a.question() + "' " + a.value() + " button for " + a.email(),
                        "none"));
            }
        }
        dispatch();
    }

    /** The latest answer buttons each person sees for each round, from posts and the edits that followed. */
    private void scanSlack() {
        List<FakeSlackApi.Call> calls = slack.api().since(slackScanned);
        slackScanned += calls.size();
        for (FakeSlackApi.Call call : calls) {
            if (!call.method().equals("chat.postMessage") && !call.method().equals("chat.update")) {
                continue;
            }
            List<SlackSide.Button> buttons = SlackSide.buttons(call.params().get("blocks"));
            String channel = call.params().getOrDefault("channel", "");
            if (buttons.isEmpty() || channel.length() < 2) {
                continue;
            }
            String user = "U" + channel.substring(1);
            slackLatest.put(user + "#" + buttons.get(0).roundId(), buttons);
        }
    }

    /** The latest answer buttons a Slack user sees for a round. */
    List<SlackSide.Button> slackButtons(String userId, long round) {
        return slackLatest.get(userId + "#" + round);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    boolean clickSlack(List<SlackSide.Button> buttons, ScenarioPerson person, ScenarioEvent.Answered a)
            throws Exception {
        if (buttons == null) {
            return false;
        }
        for (SlackSide.Button b : buttons) {
            String[] qv = SlackSide.questionAndValue(b);
            if (qv[0].equals(a.question()) && qv[1].equals(a.value())) {
                HttpResponse<String> response = slackPost(slack.click(clock, person.chatId(), b.actionId(),
                        b.value()));
                dispatch();
                return response.statusCode() == 200;
            }
        }
        return false;
    }

    boolean clickTeams(Map<String, List<JsonNode>> cards, ScenarioPerson person, ScenarioEvent.Answered a)
            throws Exception {
        List<JsonNode> data = cards.get(person.chatId());
        if (data == null) {
            return false;
        }
        for (JsonNode button : data) {
            boolean choice = !button.has("value");
            if (button.path("question").asText().equals(a.question())
                    && (choice || button.path("value").asText().equals(a.value()))) {
                JsonNode d = choice ? ((ObjectNode) button.deepCopy()).put("answer." + a.question(), a.value())
                        : button;
                HttpResponse<String> response = teamsPost(teams.execute(person.chatId(), d));
                List<JsonNode> refreshed = TeamsSide.answerData(JSON.readTree(response.body()).path("value"));
                if (!refreshed.isEmpty()) {
                    cards.put(person.chatId(), refreshed);
                }
                return response.statusCode() == 200;
            }
        }
        return false;
    }

    private void telemetry(WeekPlan plan) throws Exception {
        List<ScenarioEvent.Used> rows = plan.events(ScenarioEvent.Used.class);
        ObjectNode batch = JSON.createObjectNode().put("batch", "scn-" + scenario.seed() + "-w" + plan.index()
                + "-json");
        ArrayNode events = batch.putArray("events");
        StringBuilder csv = new StringBuilder("workflow,email,day,count\n");
        int json = 0;
        int csvRows = 0;
        for (ScenarioEvent.Used u : rows) {
            if (u.feed() == ScenarioEvent.Feed.JSON) {
                events.addObject().put("workflow", u.workflowId()).put("email", u.email())
                        .put("day", u.day().toString()).put("count", u.count());
                json++;
            } else {
                csv.append(u.workflowId()).append(',').append(u.email()).append(',').append(u.day()).append(',')
                        .append(u.count()).append('\n');
                csvRows++;
            }
        }
        if (json > 0) {
            accepted(plan.index(), "json", json, send(admin("/api/v1/usage-events").header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build()));
        }
        if (csvRows > 0) {
            accepted(plan.index(), "csv", csvRows, send(admin("/api/v1/usage-events.csv?batch=scn-"
                    + scenario.seed() + "-w" + plan.index() + "-csv").header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build()));
        }
        publishOnGitHub(rows.stream().filter(u -> u.feed() == ScenarioEvent.Feed.GITHUB).toList());
        pullGitHub(plan.index(), "saturday", (int) rows.stream().filter(u -> u.feed() == ScenarioEvent.Feed.GITHUB)
                .map(u -> u.email() + "|" + u.day()).distinct().count());
    }

    /**
     * The week's use of the pulled workflow as GitHub reports it: one record per person and day in that day's usage
     * report (completions accepted, so active, as many as the row counts), and each person's seat showing their
     * latest day.
     */
    private void publishOnGitHub(List<ScenarioEvent.Used> rows) {
        Map<LocalDate, Map<String, Integer>> days = new java.util.TreeMap<>();
        for (ScenarioEvent.Used u : rows) {
            days.computeIfAbsent(u.day(), d -> new java.util.TreeMap<>())
                    .merge(ScenarioPerson.githubLogin(u.email()), u.count(), Integer::sum);
        }
        days.forEach((day, counts) -> {
            List<String> lines = new ArrayList<>();
            counts.forEach((login, count) -> {
                lines.add(UserDayRecord.of(login, day).feature("code_completion", 0, count, count, 2 * count, count, 0)
                        .line());
                github.seatActivity(login, day + "T15:30:00Z");
            });
            github.report(day, lines);
        });
    }

    /**
     * Pulls the pulled workflow's use now, as the service's schedule would, after GitHub has published every day
     * that is over (an empty report for a day nobody used it); a second pull of the same days must store nothing.
     */
    private void pullGitHub(int week, String when, int expected) throws IOException {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        for (LocalDate day = scenario.firstMonday().minusDays(28); !day.isAfter(yesterday); day = day.plusDays(1)) {
            if (!github.hasReport(day)) {
                github.report(day);
            }
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> response = send(admin("/api/v1/usage/sources/github-copilot/pull")
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            JsonNode body = response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
            int stored = body.path("stored").asInt(-1);
            int want = attempt == 0 ? expected : 0;
            findings.check(response.statusCode() == 200 && stored == want, new Finding(scenario.seed(), week,
                    "telemetry", "github " + when + (attempt == 0 ? "" : " again"), "stored", want + " (200)",
                    stored + " (" + response.statusCode() + "): " + response.body()));
        }
    }

    private void accepted(int week, String feed, int rows, HttpResponse<String> response) throws IOException {
        JsonNode body = JSON.readTree(response.body());
        int accepted = body.path("accepted").asInt(-1);
        findings.check(response.statusCode() == 201 && accepted == rows, new Finding(scenario.seed(), week,
                "telemetry", feed, "accepted", rows + " rows (201)", accepted + " (" + response.statusCode() + "), "
                + "unknown " + body.path("unknownPeople") + ", rejected " + body.path("rejected")));
    }

    // --- plumbing the checks use ---

    ApplicationContext context() {
        return context;
    }

    SlackSide slack() {
        return slack;
    }

    TeamsSide teams() {
        return teams;
    }

    Map<String, ScenarioPerson> people() {
        return people;
    }

    MutableClock clock() {
        return clock;
    }

    void at(LocalDate day, int hour, int minute) {
        Instant target = day.atTime(LocalTime.of(hour, minute)).toInstant(ZoneOffset.UTC);
        if (target.isAfter(clock.instant())) {
            clock.set(target);
        }
    }

    /** An empty JSON value, for an output that lacks a node. */
    JsonNode jsonNull() {
        return JSON.nullNode();
    }

    HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Authorization", "Bearer " + ADMIN);
    }

    JsonNode adminJson(String path) throws IOException {
        HttpResponse<String> response = send(admin(path).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    HttpResponse<String> slackPost(SlackSide.SignedBody body) throws Exception {
        return phases.time("chat requests", () -> send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getPort() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", body.timestamp()).header("X-Slack-Signature", body.signature())
                .POST(HttpRequest.BodyPublishers.ofString(body.body())).build()));
    }

    HttpResponse<String> slackCommand(String userId, String text) throws Exception {
        return slackPost(slack.command(clock, userId, text));
    }

    HttpResponse<String> teamsPost(String activity) throws Exception {
        return phases.time("chat requests", () -> send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getPort() + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(activity)).build()));
    }

    long digest(long subscription) {
        SendDigest.Result result = context.getBean(SendDigest.class).send(subscription);
        dispatch();
        return result instanceof SendDigest.Result.Sent sent ? sent.runId() : -1;
    }

    @Override
    public void close() {
        server.close();
        github.close();
        slack.close();
        List<String> refused = teams.refusals();
        if (!refused.isEmpty()) {
            throw new AssertionError("Teams would have refused " + refused.size() + " card(s): "
                    + String.join("\n", refused));
        }
    }

    List<String> listedIds(int readInWeek) {
        List<String> ids = new ArrayList<>();
        oracle.listed(readInWeek).forEach(w -> ids.add(w.id()));
        return ids;
    }
}
