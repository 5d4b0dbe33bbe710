package io.uptake.web.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.checkin.CheckinCommand;
import io.uptake.checkin.CheckinResult;
import io.uptake.checkin.SubmitCheckin;
import io.uptake.delivery.Dispatcher;
import io.uptake.people.FindOrAddPerson;
import io.uptake.people.InTestDirectory;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import io.uptake.pulse.AnswerCommand;
import io.uptake.pulse.CloseRounds;
import io.uptake.pulse.OpenRound;
import io.uptake.pulse.RecordAnswer;
import io.uptake.time.MutableClock;
import io.uptake.web.Browser;
import io.uptake.web.Sessions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

/**
 * An admin reads the programmes and workflow pages in Chromium after a programmes file with a workflow on every
 * audience kind (an emails list, a Slack channel, a Slack user group, a Teams team), usage sent through the admin
 * API and a pulse answered: the figures a person reads are the ones worked out here by hand from what was sent.
 * A workflow with too few answers shows "hidden" and no value; sponsors, owners and anyone else see only what is
 * theirs (a session minted for each); a bad week is a 400 page, a workflow one may not see a 404 page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammesPagesBrowserTest implements TestPropertyProvider {

    static final String TOKEN = "programmes-pages-test-token";
    /** The week read: the last complete one once the clock stands in the next (2026-W47). */
    static final LocalDate W46 = LocalDate.parse("2026-11-09");
    static final LocalDate PILOT_SINCE = LocalDate.parse("2025-11-03");
    static final List<String> TRIAGE = emails("p", 6);
    static final List<String> SMALL = emails("s", 3);
    static final List<String> FRAUD = emails("f", 4);
    static final List<String> ONBOARDING = emails("o", 5);
    static final List<String> HIRING = emails("h", 4);
    /** Trust answers 1-5 in W46: five of the six in triage's round, all three in the small one's. */
    static final int[] TRIAGE_TRUST = {5, 4, 4, 3, 2};
    static final int[] SMALL_TRUST = {5, 5, 4};

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    WeeklyScorecards weekly;

    Browser browser;

    static List<String> emails(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i + "@example.com").toList();
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            Path file = Files.createTempFile("programmes", ".yaml");
            Files.writeString(file, """
                    programmes:
                      - id: claims-ai
                        name: Claims triage assistant
                        sponsor: cfo@example.com
                        workflows:
                          - id: triage
                            name: Claims triage
                            stage: pilot
                            stage-since: %s
                            owner: jane@example.com
                            audience: { emails: [%s] }
                            outcome: { metric: Claims closed per FTE, unit: claims, direction: up, baseline: 120, target: 150, by: 2027-Q1 }
                          - id: small
                            name: Small review team
                            stage: pilot
                            stage-since: 2026-10-05
                            owner: jane@example.com
                            audience: { emails: [%s] }
                          - id: fraud
                            name: Fraud review
                            stage: production
                            stage-since: 2026-10-05
                            owner: omar@example.com
                            audience: { slack-channel: C0FRAUD }
                            target-team-size: 8
                      - id: hr-ai
                        name: HR assistant
                        sponsor: chro@example.com
                        workflows:
                          - id: onboarding
                            name: Onboarding answers
                            stage: pilot
                            stage-since: 2026-10-05
                            owner: lee@example.com
                            audience: { slack-usergroup: S0ONBOARD }
                          - id: hiring
                            name: Hiring shortlists
                            stage: pilot
                            stage-since: 2026-10-05
                            owner: lee@example.com
                            audience: { teams-team: "19:hiring@thread.tacv2" }
                            target-team-size: 10
                    pulses:
                      - id: triage-pulse
                        workflow: triage
                        schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                        questions: [trust]
                      - id: small-pulse
                        workflow: small
                        schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                        questions: [trust]
                    """.formatted(PILOT_SINCE, String.join(", ", TRIAGE), String.join(", ", SMALL)));
            return Map.of("uptake.admin-token", TOKEN, "uptake.catalog", file.toString(),
                    "uptake.test.clock-start", "2026-11-02T08:00:00Z");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void seed() {
        clock.set(Instant.parse("2026-11-02T09:00:00Z"));
        syncChatAudiences();
        int n = 0;
        for (String email : concat(TRIAGE, SMALL)) {
            context.getBean(LinkIdentity.class).link(new LinkIdentity.ChatUser(Platform.SLACK, "T0TEAM",
                    "U" + (++n), email, null, "UTC", null, null, null)).orElseThrow();
        }
        // W46: both pulses answered, the owner checks in, the rounds close.
        Map<String, Long> rounds = openRounds(LocalDate.parse("2026-11-10"));
        answer(rounds.get("triage-pulse"), TRIAGE, TRIAGE_TRUST);
        answer(rounds.get("small-pulse"), SMALL, SMALL_TRUST);
        clock.set(Instant.parse("2026-11-12T12:00:00Z"));
        long jane = context.getBean(FindOrAddPerson.class).findOrAdd("jane@example.com").orElseThrow();
        CheckinResult result = context.getBean(SubmitCheckin.class).submit(new CheckinCommand("triage", jane, "130",
                "on_track", "7", "https://evidence.example.com/q4", "Two more claims per person a week", null, null));
        assertThat(result).isInstanceOf(CheckinResult.Saved.class);
        clock.set(Instant.parse("2026-11-14T12:00:00Z"));
        context.getBean(CloseRounds.class).run();
        sendUsage();
        // W47, running: rounds open, half of triage's answered so far.
        Map<String, Long> open = openRounds(LocalDate.parse("2026-11-17"));
        answer(open.get("triage-pulse"), TRIAGE, new int[] {4, 4, 4});
        clock.set(Instant.parse("2026-11-18T12:00:00Z"));
        browser = Browser.open(server.getURL().toString());
        browser.signInAsAdmin(TOKEN);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theProgrammesPageShowsEachWorkflowsFiguresWorkedOutByHand() {
        browser.go("/");

        assertThat(browser.text()).contains("Week 2026-W46", "Claims triage assistant", "HR assistant");
        assertThat(cell("triage", "wau")).isEqualTo(percent(4, TRIAGE.size()));
        assertThat(cell("triage", "trust")).isEqualTo(shown(trustIndex(TRIAGE_TRUST)));
        assertThat(cell("triage", "response")).isEqualTo(percent(TRIAGE_TRUST.length, TRIAGE.size()));
        assertThat(cell("fraud", "wau")).isEqualTo(percent(3, 8));
        assertThat(cell("onboarding", "wau")).isEqualTo(percent(2, ONBOARDING.size()));
        assertThat(cell("hiring", "wau")).isEqualTo(percent(1, 10));
        assertThat(cell("small", "trust")).isEqualTo("hidden: fewer than 5 people");
        // Pilot → production: of claims-ai's workflows, two were ever pilots and none reached production.
        assertThat(browser.text()).contains("Pilot → production: 0 %");
        // The 12-week trend: a chart with its two verdict lines, and the table beside it.
        assertThat(browser.all("section.trend svg.chart")).hasSize(5);
        assertThat(browser.all("section.trend svg.chart line.guide")).hasSize(10);
        assertThat(browser.all("section.trend table.trend-table tbody tr")).hasSize(5 * 12);
        assertThat(browser.text()).contains("← Previous week (2026-W45)", "Next week (2026-W47) →");
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
        browser.screenshots("programmes-week");

        browser.go("/?week=2026-W47");
        assertThat(browser.text()).contains("Week 2026-W47 (so far");
        assertThat(browser.text()).doesNotContain("Next week (");
    }

    @Test
    void theWorkflowPageShowsEveryFigureWithItsNSourceAndState() {
        browser.go("/workflows/triage?week=2026-W46");

        assertThat(figure("Weekly active use (WAU)")).containsExactly(percent(4, TRIAGE.size()), "6", "telemetry",
                "shown");
        assertThat(figure("Trust index (0–100)")).containsExactly(shown(trustIndex(TRIAGE_TRUST)), "5",
                "pulse answers", "shown");
        assertThat(figure("Response rate")).containsExactly(percent(5, 6), "6", "pulse answers", "shown");
        assertThat(figure("Team size").get(0)).startsWith("6 ");
        // Days of use: 2 of the 6 did not use triage in W46, too few to show; none is the team less the active
        // people WAU shows, so every cohort is hidden and none has a value.
        List<WebElement> use = browser.all("table.use tbody tr");
        assertThat(use.get(0).getText()).isEqualTo("No day of use hidden: fewer than 5 people – telemetry hidden");
        assertThat(use.get(1).getText()).isEqualTo("Light: 1 day hidden: fewer than 5 people – telemetry hidden");
        // A year of history, newest first, with W46 as read above.
        List<WebElement> history = browser.all("table.history tbody tr");
        assertThat(history).hasSize(WorkflowPage.HISTORY_WEEKS);
        assertThat(history.get(0).getText()).isEqualTo("2026-W46 " + percent(4, 6) + " "
                + shown(trustIndex(TRIAGE_TRUST)) + " " + percent(5, 6));
        assertThat(browser.all("section[aria-labelledby=history-h] svg.chart line.guide")).hasSize(2);
        // The stage ledger, the outcome and its check-in.
        assertThat(browser.find("table.stages").getText()).contains("pilot " + PILOT_SINCE);
        assertThat(outcome("Progress from baseline to target"))
                .isEqualTo(shown((130 - 120) * 100.0 / (150 - 120)) + " %");
        String checkin = browser.find("table.checkins tbody tr").getText();
        assertThat(checkin).contains("2026-Q4", "130 claims", "on track", "7 / 10", "Two more claims per person a "
                + "week", "2026-11-12");
        assertThat(browser.find("table.checkins a").getAttribute("href")).isEqualTo("https://evidence.example.com/q4");
        // The open round of the running week: 6 asked, 3 answered so far.
        assertThat(browser.find("table.rounds tbody tr").getText())
                .contains("triage-pulse", "2026-11-17", "confidential", "6 3 " + percent(3, 6));
        // The pilot's age is flagged, with what to do.
        long days = ChronoUnit.DAYS.between(PILOT_SINCE, W46.plusDays(6));
        assertThat(browser.find("ul.flags").getText()).contains("pilot for " + days + " days (over 90)",
                "Decide with the owner whether this pilot goes into production");
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
        browser.screenshots("workflow");
    }

    @Test
    void aWorkflowWithTooFewAnswersShowsHiddenAndNoValueAnywhere() {
        browser.go("/workflows/small?week=2026-W46");

        String hidden = "hidden: fewer than 5 people";
        assertThat(figure("Trust index (0–100)")).containsExactly(hidden, "–", "pulse answers", "hidden");
        assertThat(figure("Response rate")).containsExactly(hidden, "–", "pulse answers", "hidden");
        for (String answer : List.of("1 (not at all)", "2", "3", "4", "5 (completely)")) {
            assertThat(figure("Trust answers " + answer).get(0)).isEqualTo(hidden);
        }
        assertThat(browser.find("table.history tbody tr").getText()).contains(hidden);
        // The value the three answers would give, in any rounding, is nowhere: not in the text, not in the source.
        double wouldBe = trustIndex(SMALL_TRUST);
        // (the sign-out form's token is random text, which may hold any digits: it is left out)
        String source = stripTokens(browser.driver().getPageSource());
        for (String value : List.of(shown(wouldBe), String.valueOf(Math.round(wouldBe)),
                String.format(java.util.Locale.ROOT, "%.2f", wouldBe))) {
            assertThat(browser.text()).doesNotContain(value);
            assertThat(source).doesNotContain(value);
        }
        // The chart draws no trust or response point for a hidden week: no series has any point at all.
        assertThat(browser.all("section[aria-labelledby=history-h] g.series *")).isEmpty();
        assertThat(source).doesNotContain("title=");
        // The open round of 3 says how many were asked, not how many answered.
        assertThat(browser.find("table.rounds tbody tr").getText()).contains("small-pulse", "3 " + hidden);
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
        browser.screenshots("workflow-hidden");
    }

    @Test
    void aSponsorSeesTheirProgrammesWholeAndNothingElse() {
        String cfo = Sessions.of(context).person("cfo@example.com");

        String page = get("/", cfo).body();
        assertThat(page).contains("Claims triage assistant", "Pilot → production", "Verdict:", "Claims triage",
                "Fraud review").doesNotContain("HR assistant", "Onboarding answers");
        assertThat(get("/workflows/fraud", cfo).code()).isEqualTo(200);
        assertThat(get("/workflows/onboarding", cfo).code()).isEqualTo(404);
    }

    @Test
    void anOwnerSeesOnlyTheirWorkflowsWithoutTheProgrammesVerdict() {
        String lee = Sessions.of(context).person("lee@example.com");

        String page = get("/", lee).body();
        assertThat(page).contains("HR assistant", "Onboarding answers", "Hiring shortlists")
                .doesNotContain("Verdict:", "Pilot → production", "Claims triage assistant", "Fraud review");
        assertThat(get("/workflows/hiring", lee).code()).isEqualTo(200);
        Page other = get("/workflows/triage", lee);
        Page unknown = get("/workflows/no-such-workflow", lee);
        assertThat(other.code()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Claims triage");
        assertThat(stripTokens(other.body())).isEqualTo(stripTokens(unknown.body()));
    }

    @Test
    void anyoneElseSeesNothingHere() {
        String someone = Sessions.of(context).person("p1@example.com");

        assertThat(get("/", someone).body()).contains("There is nothing for you to see yet")
                .doesNotContain("Claims triage", "HR assistant");
        assertThat(get("/workflows/triage", someone).code()).isEqualTo(404);
    }

    @Test
    void anUnknownWorkflowIsANotFoundPage() {
        Page page = get("/workflows/no-such-workflow", Sessions.of(context).admin());

        assertThat(page.code()).isEqualTo(404);
        assertThat(page.body()).contains("Workflow not found");
        browser.go("/workflows/no-such-workflow");
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
    }

    @Test
    void aWeekThatIsNotOneIsABadRequestPageInPlainWords() {
        String admin = Sessions.of(context).admin();

        Page malformed = get("/?week=next-tuesday", admin);
        assertThat(malformed.code()).isEqualTo(400);
        assertThat(malformed.body()).contains("“next-tuesday” is not a week", "for example 2026-W47");
        assertThat(get("/?week=2026-W54", admin).code()).isEqualTo(400);
        assertThat(get("/workflows/triage?week=2026-W99", admin).code()).isEqualTo(400);
        Page future = get("/?week=2027-W10", admin);
        assertThat(future.code()).isEqualTo(400);
        assertThat(future.body()).contains("Week 2027-W10 has not begun yet");
        browser.go("/?week=%3Cscript%3E");
        assertThat(browser.text()).contains("“<script>” is not a week");
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
        browser.screenshots("programmes-bad-week");
    }

    /**
     * Not a check of speed: prints how long the workflow page takes with 52 weeks of history when every week must
     * be computed (just after a write) and when they are kept, for the report.
     */
    @Test
    void theWorkflowPageIsTimedWithAYearOfHistory() {
        String admin = Sessions.of(context).admin();
        postUsage("timing", List.of(row("triage", TRIAGE.get(5), LocalDate.parse("2026-01-06"))));
        long start = System.nanoTime();
        Page cold = get("/workflows/triage?week=2026-W46", admin);
        long coldMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        Page warm = get("/workflows/triage?week=2026-W46", admin);
        long warmMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(cold.code()).isEqualTo(200);
        assertThat(stripTokens(warm.body())).isEqualTo(stripTokens(cold.body()));
        System.out.println("TIMING workflow page, 52 weeks of history: computed " + coldMs + " ms, kept " + warmMs
                + " ms");
    }

    // --- seeding -----------------------------------------------------------------------------------------------

    private void syncChatAudiences() {
        InTestDirectory.sync(context, Map.of("C0FRAUD", FRAUD, "S0ONBOARD", ONBOARDING,
                "19:hiring@thread.tacv2", HIRING));
    }

    /** W46's use, and a year of triage's use before it (4 of 6 people in W46). */
    private void sendUsage() {
        List<String> rows = new ArrayList<>();
        TRIAGE.subList(0, 4).forEach(e -> rows.add(row("triage", e, W46.plusDays(1))));
        FRAUD.subList(0, 3).forEach(e -> rows.add(row("fraud", e, W46.plusDays(2))));
        ONBOARDING.subList(0, 2).forEach(e -> rows.add(row("onboarding", e, W46.plusDays(3))));
        rows.add(row("hiring", HIRING.get(0), W46.plusDays(4)));
        for (int week = 1; week <= 51; week++) {
            for (int p = 0; p < TRIAGE.size(); p++) {
                if ((week + p) % 3 != 0) {
                    rows.add(row("triage", TRIAGE.get(p), W46.minusWeeks(week).plusDays(p % 5)));
                }
            }
        }
        postUsage("seed", rows);
    }

    private void postUsage(String batch, List<String> rows) {
        String body = "{\"batch\": \"" + batch + "\", \"events\": [" + String.join(",", rows) + "]}";
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.POST("/api/v1/usage-events", body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(TOKEN), String.class);
        assertThat(response.code()).isEqualTo(201);
        assertThat(response.body()).contains("\"accepted\":" + rows.size(), "\"unknownPeople\":[]");
    }

    private static String row(String workflow, String email, LocalDate day) {
        return "{\"workflow\": \"" + workflow + "\", \"email\": \"" + email + "\", \"day\": \"" + day
                + "\", \"count\": 1}";
    }

    /** Opens both pulses' rounds for a Tuesday, sends the questions at 10:00 UTC; round ids by pulse. */
    private Map<String, Long> openRounds(LocalDate tuesday) {
        clock.set(tuesday.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC));
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String pulse : List.of("triage-pulse", "small-pulse")) {
            OpenRound.Result result = context.getBean(OpenRound.class).scheduled(pulse, tuesday);
            ids.put(pulse, ((OpenRound.Result.Opened) result).roundId());
        }
        clock.set(tuesday.atTime(10, 1).toInstant(java.time.ZoneOffset.UTC));
        Dispatcher dispatcher = context.getBean(Dispatcher.class);
        for (int i = 0; i < 5 && dispatcher.dispatchDue().sent() > 0; i++) {
            // until every question is out
        }
        return ids;
    }

    private void answer(long round, List<String> people, int[] values) {
        FindOrAddPerson persons = context.getBean(FindOrAddPerson.class);
        for (int i = 0; i < values.length; i++) {
            long person = persons.findOrAdd(people.get(i)).orElseThrow();
            context.getBean(RecordAnswer.class).record(new AnswerCommand(round, person, "trust",
                    String.valueOf(values[i]), null));
        }
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** The trust index worked out from the answers: (mean − 1) ÷ 4 × 100. */
    static double trustIndex(int[] answers) {
        double mean = IntStream.of(answers).average().orElseThrow();
        return (mean - 1) / 4 * 100;
    }

    /** part ÷ whole × 100 as the page writes it: one decimal, half up, no ".0". */
    static String percent(int part, int whole) {
        return shown(part * 100.0 / whole) + " %";
    }

    static String shown(double value) {
        BigDecimal rounded = new BigDecimal(value).setScale(1, RoundingMode.HALF_UP);
        return rounded.stripTrailingZeros().scale() <= 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : rounded.toPlainString();
    }

    private String cell(String workflow, String column) {
        return browser.find("tr[data-workflow='" + workflow + "'] td." + column).getText();
    }

    /** Value, n, source and state of a figure in the figures table. */
    private List<String> figure(String name) {
        for (WebElement row : browser.all("table.figures tbody tr")) {
            if (row.findElement(org.openqa.selenium.By.tagName("th")).getText().equals(name)) {
                return row.findElements(org.openqa.selenium.By.tagName("td")).stream().map(WebElement::getText)
                        .toList();
            }
        }
        throw new AssertionError("no figure " + name + " on " + browser.path());
    }

    private String outcome(String name) {
        for (WebElement row : browser.all("table.outcome tbody tr")) {
            if (row.findElement(org.openqa.selenium.By.tagName("th")).getText().equals(name)) {
                return row.findElements(org.openqa.selenium.By.tagName("td")).get(0).getText();
            }
        }
        throw new AssertionError("no outcome figure " + name);
    }

    record Page(int code, String body) {
    }

    private Page get(String path, String session) {
        try {
            HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET(path).cookie(Sessions.cookie(session))
                    .accept(MediaType.TEXT_HTML_TYPE), String.class);
            return new Page(r.code(), r.body());
        } catch (HttpClientResponseException e) {
            return new Page(e.code(), e.getResponse().getBody(String.class).orElse(""));
        }
    }

    /** A page without its per-request form token. */
    private static String stripTokens(String html) {
        return html.replaceAll("name=\"csrfToken\" value=\"[^\"]*\"", "");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
