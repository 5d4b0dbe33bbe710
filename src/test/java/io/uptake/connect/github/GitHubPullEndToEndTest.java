package io.uptake.connect.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.people.InTestDirectory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An admin connects GitHub Copilot as a new user would: a programmes file with a workflow on every audience kind
 * (an emails list, a Slack channel, a Slack user group, a Teams team), each reading its use from GitHub Copilot with
 * its own features, people matched by the file's {@code github-logins} and by the organisation's SAML identities;
 * GitHub (on loopback) publishes twelve weeks of per-user reports and the seat list. One pull through the admin
 * endpoint gives each workflow its weekly active use, habit, cohorts by days of use, the tool's cost per active user
 * and idle seats, and "data as of", in the scorecard and in the digest for Slack and Teams, each worked out here from
 * what GitHub was given; a second pull of the same days stores nothing and changes no figure.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitHubPullEndToEndTest implements TestPropertyProvider {

    static final String TOKEN = "github-pull-e2e-token";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The scored week, 2026-W46, and the pull's day: the Monday after it. */
    static final LocalDate W46 = LocalDate.parse("2026-11-09");
    static final LocalDate TODAY = LocalDate.parse("2026-11-16");
    /** The habit's window: the 12 weeks ending with W46. */
    static final LocalDate FIRST_WEEK = W46.minusWeeks(11);

    static final List<String> EMAILS = people("e", 8);
    static final List<String> CHANNEL = people("c", 4);
    static final List<String> GROUP = people("u", 20);
    static final List<String> TEAM = people("t", 5);

    final FakeGitHub github = FakeGitHub.start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ApplicationContext context;

    static List<String> people(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i + "@example.com").toList();
    }

    static String login(String email) {
        return email.substring(0, email.indexOf('@')) + "-gh";
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            Path file = Files.createTempFile("programmes", ".yaml");
            String logins = EMAILS.stream().map(e -> e + ": " + login(e)).collect(Collectors.joining(", "));
            Files.writeString(file, """
                    programmes:
                      - id: dev-ai
                        name: Developer AI
                        sponsor: cto@example.com
                        workflows:
                          - id: completions
                            name: Code completions
                            owner: lee@example.com
                            audience: { emails: [%s] }
                            usage: { source: github-copilot, features: [code_completion] }
                          - id: review-chat
                            name: Review in chat
                            owner: lee@example.com
                            audience: { slack-channel: C0DEV }
                            usage: { source: github-copilot, features: [chat_panel_ask_mode] }
                          - id: any-use
                            name: Any Copilot use
                            owner: lee@example.com
                            audience: { slack-usergroup: S0DEV }
                            usage: { source: github-copilot }
                          - id: cli-use
                            name: Copilot in the terminal
                            owner: lee@example.com
                            audience: { teams-team: "19:dev@thread.tacv2" }
                            usage: { source: github-copilot, features: [cli] }
                    github-logins: { %s }
                    tools:
                      github-copilot: { seats: 30, price-per-seat: 19, currency: USD }
                    """.formatted(String.join(", ", EMAILS), logins));
            Map<String, String> properties = new HashMap<>();
            properties.put("uptake.admin-token", TOKEN);
            properties.put("uptake.catalog", file.toString());
            properties.put("uptake.test.clock-start", TODAY + "T06:00:00Z");
            properties.put("uptake.github.token", "e2e-github-token");
            properties.put("uptake.github.org", FakeGitHub.ORG);
            properties.put("uptake.github.api-url", github.url());
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who used what on which day, as GitHub will report it. */
    final Map<LocalDate, List<UserDayRecord>> reports = new TreeMap<>();
    /** The same, as the test reads it: one use of a feature, passive when only suggestions were shown. */
    record Use(String email, LocalDate day, String feature, boolean passive) {
    }

    final List<Use> uses = new ArrayList<>();
    /** Each workflow's features; empty: any. */
    static final Map<String, List<String>> FEATURES = Map.of("completions", List.of("code_completion"),
            "review-chat", List.of("chat_panel_ask_mode"), "any-use", List.of(), "cli-use", List.of("cli"));
    static final Map<String, List<String>> AUDIENCE = Map.of("completions", EMAILS, "review-chat", CHANNEL,
            "any-use", GROUP, "cli-use", TEAM);

    UserDayRecord record(String email, LocalDate day, String feature, boolean passive) {
        UserDayRecord record = UserDayRecord.of(login(email), day);
        reports.computeIfAbsent(day, d -> new ArrayList<>()).add(record);
        uses.add(new Use(email, day, feature, passive));
        return record;
    }

    void seat(String email, LocalDate day) {
        github.seat(login(email), day + "T10:15:00Z");
        uses.add(new Use(email, day, "any", false));
    }

    /** Rows a pull stores: one per workflow, person and day with a use the workflow counts, on or after a day. */
    int rows(LocalDate from) {
        Set<String> rows = new java.util.HashSet<>();
        FEATURES.forEach((workflow, features) -> uses.stream()
                .filter(u -> !u.day().isBefore(from))
                .filter(u -> u.feature().equals("any") ? features.isEmpty()
                        : features.isEmpty() || features.contains(u.feature()))
                .forEach(u -> rows.add(workflow + "|" + u.email() + "|" + u.day())));
        return rows.size();
    }

    /** People of a workflow's audience with an active, counted use in W46. */
    long active(String workflow) {
        List<String> features = FEATURES.get(workflow);
        return uses.stream().filter(u -> AUDIENCE.get(workflow).contains(u.email()) && !u.passive())
                .filter(u -> !u.day().isBefore(W46) && u.day().isBefore(W46.plusWeeks(1)))
                .filter(u -> u.feature().equals("any") ? features.isEmpty()
                        : features.isEmpty() || features.contains(u.feature()))
                .map(Use::email).distinct().count();
    }

    @BeforeAll
    void publish() {
        syncChatAudiences();
        // e1-e5 complete code every week of the window; e6 only in W46; e7 only had suggestions shown (passive).
        for (int week = 0; week < 12; week++) {
            for (String e : EMAILS.subList(0, 5)) {
                record(e, FIRST_WEEK.plusWeeks(week).plusDays(week % 5), "code_completion", false)
                        .feature("code_completion", 0, 6, 4, 12, 8, 0);
            }
        }
        record(EMAILS.get(5), W46.plusDays(2), "code_completion", false).feature("code_completion", 0, 3, 1, 3, 2, 0);
        record(EMAILS.get(6), W46.plusDays(2), "code_completion", true).feature("code_completion", 0, 5, 0, 9, 0, 0);
        // c1, c2 ask in the chat panel; c3 only completes code, which review-chat does not count.
        record(CHANNEL.get(0), W46.plusDays(1), "chat_panel_ask_mode", false)
                .feature("chat_panel_ask_mode", 3, 2, 0, 0, 0, 0);
        record(CHANNEL.get(1), W46.plusDays(3), "chat_panel_ask_mode", false)
                .feature("chat_panel_ask_mode", 1, 1, 0, 0, 0, 0);
        record(CHANNEL.get(2), W46.plusDays(3), "code_completion", false).feature("code_completion", 0, 4, 2, 5, 3, 0);
        // Any Copilot use, by days in W46: u1-u5 on 4 days, u6-u10 on 2, u11-u15 on 1 (u11-u14 seen only in the
        // seat list, where any use counts: any-use lists no features), u16-u20 on none (u20 has an idle seat).
        for (int i = 0; i < 10; i++) {
            for (int d = 0; d < (i < 5 ? 4 : 2); d++) {
                record(GROUP.get(i), W46.plusDays(d), "code_completion", false)
                        .feature("code_completion", 0, 2, 2, 2, 2, 0);
            }
        }
        for (String u : GROUP.subList(10, 14)) {
            seat(u, W46.plusDays(GROUP.indexOf(u) % 7));
        }
        record(GROUP.get(14), W46.plusDays(4), "code_completion", false).feature("code_completion", 0, 2, 2, 2, 2, 0);
        github.seat(login(GROUP.get(19)), null);
        // t1, t2 use the CLI; t3 only had completions shown.
        record(TEAM.get(0), W46.plusDays(1), "cli", false).cli(2, 5, 4);
        record(TEAM.get(1), W46.plusDays(4), "cli", false).cli(1, 2, 1);
        record(TEAM.get(2), W46.plusDays(4), "code_completion", true).feature("code_completion", 0, 3, 0, 4, 0, 0);
        // Every day up to yesterday is published, empty where nobody used Copilot.
        for (LocalDate day = FIRST_WEEK.minusWeeks(1); day.isBefore(TODAY); day = day.plusDays(1)) {
            List<String> lines = reports.getOrDefault(day, List.of()).stream().map(UserDayRecord::line).toList();
            github.report(day, lines);
        }
        // The organisation links its SAML provider for the chat people; the emails list is matched by the file.
        List<FakeGitHub.Identity> identities = new ArrayList<>();
        for (String person : concat(CHANNEL, GROUP, TEAM)) {
            identities.add(new FakeGitHub.Identity(login(person), person, null));
        }
        github.samlIdentities(50, identities.toArray(FakeGitHub.Identity[]::new));
    }

    @AfterAll
    void stop() {
        github.close();
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    @Test
    void onePullGivesEveryAudienceKindItsFiguresAndASecondChangesNothing() throws Exception {
        JsonNode first = pull();
        // Rows stored: one per workflow, person and day with a use it counts (a passive day is stored as seen but
        // not active), counted here from what GitHub was given; the habit's 12 weeks come in with the first pull.
        assertThat(first.get("stored").asInt()).isEqualTo(rows(FIRST_WEEK));
        assertThat(first.get("deliveredThrough").asText()).isEqualTo(TODAY.minusDays(1).toString());
        JsonNode before = scorecard();

        assertThat(List.of(active("completions"), active("review-chat"), active("any-use"), active("cli-use")))
                .containsExactly(6L, 2L, 15L, 2L);
        AUDIENCE.forEach((id, audience) -> {
            double expected = percent((int) active(id), audience.size());
            JsonNode figure = workflow(before, id).get("wauPercent");
            assertThat(figure.get("state").asText()).as(id).isEqualTo("SHOWN");
            assertThat(figure.get("source").asText()).as(id).isEqualTo("TELEMETRY");
            assertThat(figure.get("value").asDouble()).as(id).isEqualTo(expected);
            JsonNode freshness = workflow(before, id).get("freshness");
            assertThat(freshness.get("dataAsOf").asText()).as(id).isEqualTo(TODAY.minusDays(1).toString());
            assertThat(freshness.get("stale").asBoolean()).as(id).isFalse();
        });
        JsonNode habit = workflow(before, "completions").get("habitPercent");
        // Any Copilot use's audience by days of use in W46: 5 people each on 4, 2, 1 and 0 days.
        JsonNode cohorts = workflow(before, "any-use").get("cohorts");
        for (String cohort : List.of("heavy", "moderate", "light", "none")) {
            assertThat(cohorts.get(cohort).get("state").asText()).as(cohort).isEqualTo("SHOWN");
            assertThat(cohorts.get(cohort).get("value").asDouble()).as(cohort).isEqualTo(percent(5, GROUP.size()));
        }
        assertThat(cohorts.get("triedAndStopped").get("value").asDouble()).isZero();
        // 30 seats at 19 USD a month: 30 × 19 × 12 ÷ 52.1775 a week, over the 25 people active on the tool in W46
        // across its four workflows; idle: the seats less the 25 active in the last 4 weeks.
        long onTool = AUDIENCE.keySet().stream().mapToLong(this::active).sum();
        assertThat(onTool).isEqualTo(25);
        JsonNode cost = workflow(before, "any-use").get("seatCost");
        assertThat(cost.get("costPerActiveUser").get("value").asDouble())
                .isEqualTo(Math.round(30 * 19 * 12 / 52.1775 / onTool * 100) / 100.0);
        assertThat(cost.get("idleSeats").get("value").asInt()).isEqualTo(30 - 25);
        assertThat(habit.get("state").asText()).isEqualTo("SHOWN");
        assertThat(habit.get("value").asDouble()).isEqualTo(percent(5, EMAILS.size()));

        JsonNode second = pull();
        assertThat(second.get("stored").asInt()).isZero();
        // The second pull reads again from two days before the day delivered through.
        assertThat(second.get("alreadyStored").asInt()).isEqualTo(rows(TODAY.minusDays(3)));
        assertThat(scorecard().get("programmes")).isEqualTo(before.get("programmes"));

        String slack = previewText("blockKit");
        String day = TODAY.minusDays(1).format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
        assertThat(slack).contains("*Code completions*").contains(" · data as of " + day)
                .contains(format(percent(6, EMAILS.size())));
        assertThat(slack).contains("*Copilot in the terminal*").contains(format(percent(2, TEAM.size())));
        String days = "heavy (4+ days) 25% · moderate (2–3 days) 25% · light (1 day) 25% · none 25%";
        assertThat(slack).contains("*Days of use*\\n" + days).contains(" · 5 of 30 seats idle");
        String teams = previewText("adaptiveCard");
        assertThat(teams).contains("Copilot in the terminal").contains(" · data as of " + day)
                .contains(format(percent(2, TEAM.size()))).contains(days);
    }

    static double percent(int active, int team) {
        return Math.round(active * 1000.0 / team) / 10.0;
    }

    static String format(double percent) {
        return (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + "%";
    }

    JsonNode pull() throws IOException {
        return JSON.readTree(http.toBlocking().retrieve(HttpRequest.POST("/api/v1/usage/sources/github-copilot/pull",
                "").contentType(MediaType.APPLICATION_JSON).bearerAuth(TOKEN), String.class));
    }

    JsonNode scorecard() throws IOException {
        return JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/scorecard?week=2026-W46")
                .bearerAuth(TOKEN), String.class));
    }

    String previewText(String part) throws IOException {
        return JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/digests/preview?programme=dev-ai&week=2026-W46").bearerAuth(TOKEN), String.class))
                .get(part).toString();
    }

    static JsonNode workflow(JsonNode card, String id) {
        for (JsonNode programme : card.get("programmes")) {
            for (JsonNode workflow : programme.get("workflows")) {
                if (workflow.get("workflowId").asText().equals(id)) {
                    return workflow;
                }
            }
        }
        throw new AssertionError("no workflow " + id + " in " + card);
    }

    private void syncChatAudiences() {
        InTestDirectory.sync(context, Map.of("C0DEV", CHANNEL, "S0DEV", GROUP, "19:dev@thread.tacv2", TEAM));
    }
}
