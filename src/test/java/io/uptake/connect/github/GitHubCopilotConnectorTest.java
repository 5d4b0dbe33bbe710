package io.uptake.connect.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.uptake.delivery.Sleeper;
import io.uptake.usage.SourceActivity;
import io.uptake.usage.SourcePull;
import io.uptake.usage.SourceUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GitHub Copilot connector against GitHub on loopback, on a clock that stands at 2026-11-21 10:00 UTC. */
class GitHubCopilotConnectorTest {

    static final String TOKEN = "ghp_TestTokenThatMustNeverBeShown";
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final LocalDate FROM = LocalDate.parse("2026-11-16");
    static final LocalDate TO = LocalDate.parse("2026-11-20");

    /** Records how long it was asked to wait, and waits not at all. */
    static final class RecordingSleeper extends Sleeper {

        final List<Duration> waits = new ArrayList<>();
        private final Clock clock;

        RecordingSleeper(Clock clock) {
            super(clock);
            this.clock = clock;
        }

        @Override
        public void sleepUntil(Instant instant) {
            waits.add(Duration.between(clock.instant(), instant));
        }
    }

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private FakeGitHub github;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private GitHubCopilotConnector connector() {
        return new GitHubCopilotConnector(new GitHubSettings(TOKEN, FakeGitHub.ORG, github.url()), sleeper, clock);
    }

    private static LocalDate utcDay(String timestamp) {
        return OffsetDateTime.parse(timestamp).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static SourceActivity any(String login, LocalDate day) {
        return new SourceActivity(null, login, day, SourceActivity.ANY, 1, false);
    }

    @Test
    void theSeatListAloneGivesEachSeatOneUseOnTheUtcDayOfItsLastActivity() throws Exception {
        Map<String, String> lastActivity = new LinkedHashMap<>();
        lastActivity.put("ana-gh", "2026-11-17T08:15:00Z");
        lastActivity.put("ben-gh", "2026-11-19T21:30:00-05:00");
        lastActivity.put("cy-gh", null);
        lastActivity.put("dee-gh", "2026-11-10T12:00:00Z");
        lastActivity.put("eve-gh", "2026-11-20T23:59:59Z");
        lastActivity.forEach(github::seat);
        github.seatsPerPage(2);

        SourcePull pull = connector().pull(FROM, TO);

        List<SourceActivity> expected = new ArrayList<>();
        lastActivity.forEach((login, at) -> {
            if (at != null && !utcDay(at).isBefore(FROM) && !utcDay(at).isAfter(TO)) {
                expected.add(any(login, utcDay(at)));
            }
        });
        assertThat(expected).hasSize(3);
        assertThat(pull.activity()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pull.deliveredThrough()).isEqualTo(TO.minusDays(1));
        assertThat(pull.anonymised()).isFalse();
        assertThat(pull.notes()).anyMatch(note -> note.contains("no usage metrics report")
                && note.contains(FROM + " to " + TO));
        List<FakeGitHub.Request> pages = github.requestsTo(FakeGitHub.SEATS);
        assertThat(pages).extracting(FakeGitHub.Request::query)
                .containsExactly("per_page=100&page=1", "per_page=100&page=2", "per_page=100&page=3");
        assertThat(github.requests()).allMatch(r -> ("Bearer " + TOKEN).equals(r.authorization()));
    }

    @Test
    void aDaysReportGivesEachPersonsFeaturesInPlaceOfTheSeatListsAnyThatDay() throws Exception {
        LocalDate reported = LocalDate.parse("2026-11-18");
        github.seat("ana-gh", "2026-11-18T16:00:00Z").seat("ben-gh", "2026-11-18T09:00:00Z")
                .seat("cy-gh", "2026-11-18T11:00:00Z");
        int anaPrompts = 4;
        int anaAccepted = 2;
        int anaGenerated = 9;
        int benAgentGenerations = 3;
        int benCliPrompts = 5;
        github.report(reported,
                List.of(UserDayRecord.of("ana-gh", reported)
                        .feature("code_completion", 0, anaGenerated, anaAccepted, 40, 12, 0)
                        .feature("chat_panel_ask_mode", anaPrompts, 4, 0, 0, 0, 0).line()),
                List.of(UserDayRecord.of("ben-gh", reported)
                        .feature("agent_edit", 0, benAgentGenerations, 0, 0, 30, 4)
                        .cli(2, 11, benCliPrompts).codeReview(false, true).line()));

        SourcePull pull = connector().pull(FROM, TO);

        assertThat(pull.activity()).containsExactlyInAnyOrder(
                new SourceActivity(null, "ana-gh", reported, "code_completion", anaAccepted, false),
                new SourceActivity(null, "ana-gh", reported, "chat_panel_ask_mode", anaPrompts, false),
                new SourceActivity(null, "ben-gh", reported, "agent_edit", benAgentGenerations, false),
                new SourceActivity(null, "ben-gh", reported, "cli", benCliPrompts, false),
                new SourceActivity(null, "ben-gh", reported, "code_review", 1, true),
                any("cy-gh", reported));
        assertThat(pull.deliveredThrough()).isEqualTo(reported);
        assertThat(pull.notes()).anyMatch(note -> note.contains(FROM + " to " + reported.minusDays(1))
                && note.contains(reported.plusDays(1) + " to " + TO));
        assertThat(github.requestsTo(FakeGitHub.REPORTS)).extracting(FakeGitHub.Request::query)
                .containsExactly("day=2026-11-16", "day=2026-11-17", "day=2026-11-18", "day=2026-11-19",
                        "day=2026-11-20");
        assertThat(github.requests()).filteredOn(r -> r.path().startsWith("/download/"))
                .hasSize(2).allMatch(r -> r.authorization() == null);
    }

    @Test
    void aFeatureThatOnlyShowedSuggestionsIsPassive() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-19");
        int shown = 14;
        github.seat("ana-gh", "2026-11-19T10:00:00Z");
        github.report(day, List.of(UserDayRecord.of("ana-gh", day)
                .feature("code_completion", 0, shown, 0, 55, 0, 0).line()));

        SourcePull pull = connector().pull(day, day);

        assertThat(pull.activity()).containsExactly(
                new SourceActivity(null, "ana-gh", day, "code_completion", shown, true));
    }

    @Test
    void aDayAnsweredWithNoContentIsNotPublished() throws Exception {
        github.seat("ana-gh", "2026-11-17T08:15:00Z").noReportStatus(204);
        LocalDate reported = LocalDate.parse("2026-11-16");
        github.report(reported, List.of(UserDayRecord.of("ana-gh", reported)
                .feature("chat_panel_agent_mode", 2, 2, 0, 0, 0, 0).line()));

        SourcePull pull = connector().pull(FROM, TO);

        assertThat(pull.activity()).containsExactly(
                new SourceActivity(null, "ana-gh", reported, "chat_panel_agent_mode", 2, false),
                any("ana-gh", LocalDate.parse("2026-11-17")));
        assertThat(pull.deliveredThrough()).isEqualTo(reported);
    }

    @Test
    void reportsTheTokenMayNotReadLeaveTheSeatListAlone() throws Exception {
        github.seat("ana-gh", "2026-11-17T08:15:00Z")
                .once(FakeGitHub.REPORTS, 403, Map.of(), "{\"message\":\"Copilot Usage Metrics API access is "
                        + "disabled for this organization.\"}");

        SourcePull pull = connector().pull(FROM, TO);

        assertThat(pull.activity()).containsExactly(any("ana-gh", LocalDate.parse("2026-11-17")));
        assertThat(pull.deliveredThrough()).isEqualTo(TO.minusDays(1));
        assertThat(pull.notes()).anyMatch(note -> note.contains("403") && note.contains("Copilot usage metrics")
                && note.contains("access is disabled") && note.contains("Only the seat list was read"));
        assertThat(github.requestsTo(FakeGitHub.REPORTS)).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void daysThatAreNotOverAreNotAskedFor() throws Exception {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        github.seat("ana-gh", "2026-11-21T08:00:00Z");

        SourcePull pull = connector().pull(today.minusDays(1), today);

        assertThat(github.requestsTo(FakeGitHub.REPORTS)).extracting(FakeGitHub.Request::query)
                .containsExactly("day=" + today.minusDays(1));
        assertThat(pull.activity()).containsExactly(any("ana-gh", today));
        assertThat(pull.notes()).anyMatch(note -> note.contains("No usage metrics report asked for " + today));
    }

    @Test
    void aRateLimitWithRetryAfterIsWaitedOutThenAskedAgain() throws Exception {
        github.seat("ana-gh", "2026-11-17T08:15:00Z")
                .once(FakeGitHub.SEATS, 429, Map.of("Retry-After", "7"),
                        "{\"message\":\"You have exceeded a secondary rate limit.\"}");

        SourcePull pull = connector().pull(FROM, TO);

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(github.requestsTo(FakeGitHub.SEATS)).hasSize(2);
        assertThat(pull.activity()).containsExactly(any("ana-gh", LocalDate.parse("2026-11-17")));
        assertThat(pull.notes()).anyMatch(note -> note.contains("rate limit") && note.contains("7 s"));
    }

    @Test
    void aSpentRateLimitIsWaitedOutUntilItsReset() throws Exception {
        long reset = NOW.getEpochSecond() + 20;
        github.seat("ana-gh", "2026-11-17T08:15:00Z")
                .once(FakeGitHub.SEATS, 403, Map.of("x-ratelimit-remaining", "0", "x-ratelimit-limit", "5000",
                        "x-ratelimit-reset", Long.toString(reset)), "{\"message\":\"API rate limit exceeded\"}");

        connector().pull(FROM, TO);

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(reset - NOW.getEpochSecond()));
    }

    @Test
    void aRateLimitLongerThanAPullWaitsFailsThePullSayingWhenItLifts() {
        github.seat("ana-gh", "2026-11-17T08:15:00Z")
                .once(FakeGitHub.SEATS, 429, Map.of("Retry-After", "3600"), "{\"message\":\"rate limited\"}");

        SourceUnavailable failure = catchThrowableOfType(() -> connector().pull(FROM, TO), SourceUnavailable.class);

        assertThat(failure.getMessage()).contains("rate limit").contains("11:00:00 UTC");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aRateLimitThatDoesNotLiftFailsThePullAfterThreeWaits() {
        github.seat("ana-gh", "2026-11-17T08:15:00Z");
        for (int i = 0; i < 4; i++) {
            github.once(FakeGitHub.SEATS, 429, Map.of("Retry-After", "5"), "{\"message\":\"rate limited\"}");
        }

        SourceUnavailable failure = catchThrowableOfType(() -> connector().pull(FROM, TO), SourceUnavailable.class);

        assertThat(failure.getMessage()).contains("rate limit").contains("after 3 waits");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }

    @Test
    void aRefusedTokenFailsThePullSayingWhatTokenToCreateWithoutShowingIt() {
        github.seat("ana-gh", "2026-11-17T08:15:00Z")
                .once(FakeGitHub.SEATS, 401, Map.of(), "{\"message\":\"Bad credentials\","
                        + "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");

        SourceUnavailable failure = catchThrowableOfType(() -> connector().pull(FROM, TO), SourceUnavailable.class);

        assertThat(failure.getMessage()).startsWith("GitHub refused the token (401)").contains("read:org")
                .contains("UPTAKE_GITHUB_TOKEN").doesNotContain(TOKEN);
        assertThat(github.requestsTo(FakeGitHub.REPORTS)).isEmpty();
    }

    @Test
    void aServerErrorIsAskedAgain() throws Exception {
        github.seat("ana-gh", "2026-11-17T08:15:00Z")
                .once(FakeGitHub.SEATS, 500, Map.of(), "{\"message\":\"Server Error\"}");

        SourcePull pull = connector().pull(FROM, TO);

        assertThat(pull.activity()).containsExactly(any("ana-gh", LocalDate.parse("2026-11-17")));
        assertThat(github.requestsTo(FakeGitHub.SEATS)).hasSize(2);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
        assertThat(pull.notes()).anyMatch(note -> note.contains("500") && note.contains("asked again"));
    }

    @Test
    void serverErrorsThatGoOnFailThePull() {
        github.seat("ana-gh", "2026-11-17T08:15:00Z");
        for (int i = 0; i < 3; i++) {
            github.once(FakeGitHub.SEATS, 502, Map.of(), "<html>Bad gateway</html>");
        }

        SourceUnavailable failure = catchThrowableOfType(() -> connector().pull(FROM, TO), SourceUnavailable.class);

        assertThat(failure.getMessage()).contains("502").contains("3 times");
        assertThat(github.requestsTo(FakeGitHub.SEATS)).hasSize(3);
    }

    @Test
    void aSeatListThatIsNotJsonFailsThePullWithAPlainMessage() {
        github.once(FakeGitHub.SEATS, 200, Map.of(), "{\"total_seats\": 2, \"seats\": [{\"assignee\": ");

        SourceUnavailable failure = catchThrowableOfType(() -> connector().pull(FROM, TO), SourceUnavailable.class);

        assertThat(failure.getMessage()).startsWith("GitHub's answer to the Copilot seat list of acme is not the JSON")
                .contains("nothing from this pull was stored").doesNotContain("\n").doesNotContain("at com.");
    }

    @Test
    void aReportLineThatIsNotJsonFailsThePull() {
        LocalDate day = LocalDate.parse("2026-11-18");
        github.seat("ana-gh", "2026-11-18T10:00:00Z")
                .report(day, List.of(UserDayRecord.of("ana-gh", day).feature("code_completion", 0, 3, 1, 5, 2, 0)
                        .line(), "{\"user_login\": \"ben-gh\", \"totals_by_feature\": [", ""));

        SourceUnavailable failure = catchThrowableOfType(() -> connector().pull(FROM, TO), SourceUnavailable.class);

        assertThat(failure.getMessage()).contains("usage metrics report of acme for " + day).contains("line 2")
                .doesNotContain("sig=");
    }

    @Test
    void aNextPageOnAnotherHostIsNotSentTheToken() {
        github.once(FakeGitHub.SEATS, 200, Map.of("Link",
                "<http://elsewhere.invalid/orgs/acme/copilot/billing/seats?page=2>; rel=\"next\""),
                "{\"total_seats\": 0, \"seats\": []}");

        SourceUnavailable failure = catchThrowableOfType(() -> connector().pull(FROM, TO), SourceUnavailable.class);

        assertThat(failure.getMessage()).contains("another host").contains("elsewhere.invalid");
    }

    @Test
    void samlIdentitiesGiveEmailsToTheLoginsTheyLink() throws Exception {
        github.seat("ana-gh", "2026-11-17T08:15:00Z").seat("ben-gh", "2026-11-18T08:15:00Z")
                .seat("cy-gh", "2026-11-19T08:15:00Z")
                .samlIdentities(2,
                        new FakeGitHub.Identity("Ana-GH", "ana@example.com", null),
                        new FakeGitHub.Identity(null, "gone@example.com", null),
                        new FakeGitHub.Identity("ben-gh", "ben.b", "ben@example.com"));

        SourcePull pull = connector().pull(FROM, TO);

        assertThat(pull.activity()).containsExactlyInAnyOrder(
                new SourceActivity("ana@example.com", "ana-gh", LocalDate.parse("2026-11-17"), "any", 1, false),
                new SourceActivity("ben@example.com", "ben-gh", LocalDate.parse("2026-11-18"), "any", 1, false),
                any("cy-gh", LocalDate.parse("2026-11-19")));
        assertThat(github.requestsTo(FakeGitHub.GRAPHQL)).hasSize(2)
                .allMatch(r -> r.method().equals("POST") && r.body().contains("samlIdentityProvider"));
    }

    @Test
    void withoutASamlProviderEmailsStayEmptyAndTheNoteSaysLoginsAreMatched() throws Exception {
        github.seat("ana-gh", "2026-11-17T08:15:00Z");

        SourcePull pull = connector().pull(FROM, TO);

        assertThat(pull.activity()).extracting(SourceActivity::email).containsOnlyNulls();
        assertThat(pull.notes()).anyMatch(note -> note.contains("not linked to a SAML identity provider")
                && note.contains("github-logins"));
    }

    @Test
    void aSamlQueryTheTokenMayNotMakeLeavesEmailsEmptyAndSaysSo() throws Exception {
        github.seat("ana-gh", "2026-11-17T08:15:00Z").graphqlError("FORBIDDEN");

        SourcePull pull = connector().pull(FROM, TO);

        assertThat(pull.activity()).containsExactly(any("ana-gh", LocalDate.parse("2026-11-17")));
        assertThat(pull.notes()).anyMatch(note -> note.contains("FORBIDDEN") && note.contains("github-logins"));
    }

    @Test
    void aPullWithNoActivityAsksNoEmails() throws Exception {
        github.seat("ana-gh", null);

        SourcePull pull = connector().pull(FROM, TO);

        assertThat(pull.activity()).isEmpty();
        assertThat(github.requestsTo(FakeGitHub.GRAPHQL)).isEmpty();
    }

    @Test
    void aGitHubThatCannotBeReachedIsTriedThreeTimesThenFailsThePull() throws Exception {
        String closed;
        try (FakeGitHub gone = FakeGitHub.start()) {
            closed = gone.url();
        }
        GitHubCopilotConnector unreachable = new GitHubCopilotConnector(
                new GitHubSettings(TOKEN, FakeGitHub.ORG, closed), sleeper, clock);

        SourceUnavailable failure = catchThrowableOfType(() -> unreachable.pull(FROM, TO), SourceUnavailable.class);

        assertThat(failure.getMessage()).startsWith("Could not reach GitHub at " + closed).contains("3 tries")
                .doesNotContain(TOKEN);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }
}
