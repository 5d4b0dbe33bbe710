package io.uptake.connect.graph;

import static io.uptake.connect.graph.FakeGraph.reportTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uptake.catalog.UsageSpec;
import io.uptake.time.MutableClock;
import io.uptake.usage.SourceActivity;
import io.uptake.usage.SourcePull;
import io.uptake.usage.SourceUnavailable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Microsoft 365 Copilot connector against a fake token endpoint and a fake Graph on loopback, serving the
 * report in the shapes Microsoft documents. The clock stands at 2026-11-22 09:00 UTC and the report was refreshed
 * through 2026-11-19, three days behind, as Microsoft's reports are.
 */
class Microsoft365CopilotConnectorTest {

    static final String SECRET = "s3cr~et-Value-0123456789";
    static final LocalDate REFRESHED = LocalDate.parse("2026-11-19");
    static final LocalDate FROM = LocalDate.parse("2026-11-16");
    static final LocalDate TO = LocalDate.parse("2026-11-22");
    static final String D7 = reportTarget("D7");

    final FakeGraph fake = FakeGraph.start();
    final MutableClock clock = new MutableClock(MutableClock.START);
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final Microsoft365CopilotConnector connector = connector(SECRET);

    @AfterEach
    void stop() {
        fake.close();
    }

    Microsoft365CopilotConnector connector(String secret) {
        return new Microsoft365CopilotConnector(new GraphSettings(FakeGraph.TENANT, "app-client-id", secret,
                fake.url() + "/", fake.tokenUrl()), sleeper, clock);
    }

    /** Serves {@code rows} for D7 over pages of {@code size} rows, linked by {@code @odata.nextLink}. */
    void serve(List<ReportFixture.Row> rows, int size) {
        for (int start = 0, page = 0; start < rows.size(); start += size, page++) {
            String target = page == 0 ? D7 : D7 + "?$skiptoken=page" + page;
            String next = start + size < rows.size() ? fake.url() + D7 + "?$skiptoken=page" + (page + 1) : null;
            fake.page(target, ReportFixture.page(rows.subList(start, Math.min(start + size, rows.size())), next));
        }
    }

    @Test
    void theFeaturesItReportsAreTheOnesTheProgrammesFileAccepts() {
        assertThat(Microsoft365CopilotConnector.FEATURES).containsExactlyInAnyOrderElementsOf(
                Stream.concat(UsageSpec.MICROSOFT_365_FEATURES.stream(),
                        Stream.of(SourceActivity.ANY)).toList());
    }

    @Test
    void everyPageIsReadAndEachAppDayInThePulledDaysIsOneUse() throws SourceUnavailable {
        List<ReportFixture.Row> rows = ReportFixture.people(40, REFRESHED, 7);
        serve(rows, 15);

        SourcePull pull = connector.pull(FROM, TO);

        assertThat(pull.activity()).containsExactlyInAnyOrderElementsOf(ReportFixture.expected(rows, FROM, TO))
                .isNotEmpty();
        assertThat(pull.activity()).extracting(SourceActivity::feature).contains("any");
        assertThat(pull.deliveredThrough()).isEqualTo(REFRESHED);
        assertThat(pull.anonymised()).isFalse();
        assertThat(fake.graphCalls()).extracting(FakeGraph.Call::target)
                .containsExactly(D7, D7 + "?$skiptoken=page1", D7 + "?$skiptoken=page2");
        assertThat(fake.graphCalls()).extracting(FakeGraph.Call::authorization).containsOnly("Bearer token-1");
        assertThat(fake.tokenCalls()).singleElement().satisfies(call -> {
            assertThat(call.target()).isEqualTo("/" + FakeGraph.TENANT + "/oauth2/v2.0/token");
            assertThat(call.form()).isEqualTo(Map.of("client_id", "app-client-id", "client_secret", SECRET,
                    "scope", fake.url() + "/.default", "grant_type", "client_credentials"));
        });
    }

    @Test
    void theReportLagIsSaidAndTheDaysAfterItAreLeftForALaterPull() throws SourceUnavailable {
        serve(ReportFixture.people(3, REFRESHED, 1), 10);

        SourcePull pull = connector.pull(FROM, TO);

        assertThat(pull.notes()).anySatisfy(note -> assertThat(note)
                .contains("through 2026-11-19", "2026-11-20 to 2026-11-22", "later pull"));
        assertThat(pull.notes()).anySatisfy(note -> assertThat(note).contains("last day"));
    }

    @Test
    void aDayOutsideThePulledDaysIsNotAUse() throws SourceUnavailable {
        LocalDate day = LocalDate.parse("2026-11-18");
        serve(List.of(ReportFixture.row("ana@contoso.example", REFRESHED, day, Map.of(
                "wordCopilotLastActivityDate", day,
                "excelCopilotLastActivityDate", day.minusDays(3),
                "copilotChatLastActivityDate", day.minusDays(1)))), 10);

        SourcePull pull = connector.pull(day, day);

        assertThat(pull.activity()).containsExactly(
                new SourceActivity("ana@contoso.example", null, day, "word", 1, false));
    }

    @Test
    void aLastDayInAnAppTheReportDoesNotBreakOutIsAny() throws SourceUnavailable {
        serve(List.of(ReportFixture.row("Bo@Contoso.example", REFRESHED, REFRESHED, Map.of(
                "microsoftTeamsCopilotLastActivityDate", REFRESHED.minusDays(2)))), 10);

        SourcePull pull = connector.pull(FROM, TO);

        assertThat(pull.activity()).containsExactlyInAnyOrder(
                new SourceActivity("bo@contoso.example", null, REFRESHED.minusDays(2), "teams", 1, false),
                new SourceActivity("bo@contoso.example", null, REFRESHED, "any", 1, false));
    }

    @ParameterizedTest(name = "from {0} days before today: {1}")
    @CsvSource({"0, D7", "6, D7", "7, D30", "29, D30", "30, D90", "89, D90", "90, D180", "179, D180", "400, D180"})
    void theShortestPeriodReachingTheFirstDayIsAskedFor(int daysBack, String period) throws SourceUnavailable {
        fake.page(reportTarget(period), ReportFixture.page(List.of(), null));
        LocalDate today = LocalDate.parse("2026-11-22");

        SourcePull pull = connector.pull(today.minusDays(daysBack), today);

        assertThat(fake.graphCalls()).extracting(FakeGraph.Call::target).containsExactly(reportTarget(period));
        assertThat(pull.notes().stream().anyMatch(note -> note.contains("180 days"))).isEqualTo(daysBack >= 180);
    }

    @Test
    void aTokenIsKeptUntilFiveMinutesBeforeItExpires() throws SourceUnavailable {
        serve(ReportFixture.people(2, REFRESHED, 3), 10);

        connector.pull(FROM, TO);
        clock.advance(Duration.ofSeconds(3599 - 301));
        connector.pull(FROM, TO);
        assertThat(fake.tokenCalls()).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        connector.pull(FROM, TO);
        assertThat(fake.tokenCalls()).hasSize(2);
        assertThat(fake.graphCalls()).extracting(FakeGraph.Call::authorization)
                .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    }

    @Test
    void aTokenGraphRefusesIsReplacedOnceAndThePullGoesOn() throws SourceUnavailable {
        List<ReportFixture.Row> rows = ReportFixture.people(12, REFRESHED, 11);
        serve(rows, 5);
        connector.pull(FROM, TO);
        fake.revoke("token-1");

        SourcePull pull = connector.pull(FROM, TO);

        assertThat(pull.activity()).containsExactlyInAnyOrderElementsOf(ReportFixture.expected(rows, FROM, TO));
        assertThat(fake.tokenCalls()).hasSize(2);
        assertThat(fake.graphCalls()).extracting(FakeGraph.Call::authorization).containsExactly(
                "Bearer token-1", "Bearer token-1", "Bearer token-1",
                "Bearer token-1", "Bearer token-2", "Bearer token-2", "Bearer token-2");
    }

    @Test
    void aNewTokenRefusedTooEndsThePull() {
        serve(ReportFixture.people(2, REFRESHED, 3), 10);
        fake.answerGraph(D7, 401, FakeGraph.EXPIRED_TOKEN, Map.of())
                .answerGraph(D7, 401, FakeGraph.EXPIRED_TOKEN, Map.of());

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("401 InvalidAuthenticationToken");
        assertThat(fake.tokenCalls()).hasSize(2);
    }

    @Test
    void throttlingIsWaitedOutForAsLongAsRetryAfterSays() throws SourceUnavailable {
        List<ReportFixture.Row> rows = ReportFixture.people(10, REFRESHED, 5);
        serve(rows, 5);
        fake.answerGraph(D7, 429, "{\"error\":{\"code\":\"TooManyRequests\"}}", Map.of("Retry-After", "7"))
                .answerGraph(D7 + "?$skiptoken=page1", 503, "", Map.of("Retry-After", "2"));

        SourcePull pull = connector.pull(FROM, TO);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
        assertThat(pull.activity()).containsExactlyInAnyOrderElementsOf(ReportFixture.expected(rows, FROM, TO));
        assertThat(fake.graphCalls()).hasSize(4);
    }

    @Test
    void throttlingLongerThanAPullWaitsEndsItWithoutWaiting() {
        serve(ReportFixture.people(2, REFRESHED, 3), 10);
        fake.answerGraph(D7, 429, "", Map.of("Retry-After", "120"));

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("429").hasMessageContaining("120 s");
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void throttlingFourTimesInARowEndsThePullAfterThreeWaits() {
        serve(ReportFixture.people(2, REFRESHED, 3), 10);
        for (int time = 0; time < 4; time++) {
            fake.answerGraph(D7, 429, "", Map.of("Retry-After", "3"));
        }

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("4 times");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
    }

    @Test
    void aMissingPermissionIsNamed() {
        fake.answerGraph(D7, 403, "{\"error\":{\"code\":\"Authorization_RequestDenied\","
                + "\"message\":\"Insufficient privileges to complete the operation.\"}}", Map.of());

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("403").hasMessageContaining("Reports.Read.All")
                .hasMessageContaining("admin consent");
    }

    @Test
    void aWrongSecretIsSaidWithoutTheSecret() {
        fake.answerToken(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid "
                + "client secret provided. Ensure the secret being sent in the request is the client secret value, "
                + "not the client secret ID.\\r\\nTrace ID: 0d2e\",\"error_codes\":[7000215],"
                + "\"timestamp\":\"2026-11-22 09:00:00Z\",\"trace_id\":\"0d2e\",\"correlation_id\":\"9a1f\"}");

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("UPTAKE_GRAPH_CLIENT_SECRET").hasMessageContaining("AADSTS7000215")
                .hasMessageNotContaining(SECRET);
        assertThat(fake.graphCalls()).isEmpty();
    }

    @Test
    void anExpiredSecretIsSaidWithoutTheSecret() {
        fake.answerToken(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000222: The provided "
                + "client secret keys for app 'app-client-id' are expired.\"}");

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("expired").hasMessageContaining("AADSTS7000222")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aTokenAnswerThatIsNotJsonEndsThePull() {
        fake.answerToken(502, "<html>Bad gateway</html>");

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("502").hasMessageNotContaining(SECRET);
    }

    @Test
    void aPageThatIsNotJsonEndsThePull() {
        fake.page(D7, "<html><body>Service unavailable</body></html>");

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void aPageWithoutRowsEndsThePull() {
        fake.page(D7, "{\"value\":\"Stream\"}");

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("\"value\"");
    }

    @Test
    void aDateThatIsNotADateEndsThePull() {
        fake.page(D7, ReportFixture.page(ReportFixture.people(2, REFRESHED, 3), null)
                .replace("\"reportRefreshDate\":\"2026-11-19\"", "\"reportRefreshDate\":\"19/11/2026\""));

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("reportRefreshDate").hasMessageContaining("not a date");
    }

    @Test
    void concealedNamesMakeAnAnonymisedPullThatSaysWhatToChange() throws SourceUnavailable {
        // As in Microsoft's own example: with names concealed, sign-in and display names are 32-digit hashes.
        serve(List.of(
                ReportFixture.row("DC8C64D6EC3A3AA17481D7E5EB5B68A6", REFRESHED, REFRESHED,
                        Map.of("microsoftTeamsCopilotLastActivityDate", REFRESHED)),
                ReportFixture.row("E58EEF6A6BBD3D0293CB306D24A42057", REFRESHED, REFRESHED.minusDays(1),
                        Map.of("wordCopilotLastActivityDate", REFRESHED.minusDays(1)))), 10);

        SourcePull pull = connector.pull(FROM, TO);

        assertThat(pull.anonymised()).isTrue();
        assertThat(pull.activity()).isEmpty();
        assertThat(pull.deliveredThrough()).isNull();
        assertThat(pull.notes()).singleElement().asString().contains(
                "Settings > Org settings > Services > Reports",
                "Display concealed user, group, and site names in all reports",
                "displayConcealedNames", "ReportSettings.ReadWrite.All");
    }

    @Test
    void aFewRowsWithoutAnEmailAreLeftOutAndSaid() throws SourceUnavailable {
        List<ReportFixture.Row> named = ReportFixture.people(3, REFRESHED, 13);
        List<ReportFixture.Row> rows = new java.util.ArrayList<>(named);
        rows.add(ReportFixture.row("C65E8D8AFA0DAB9639EDFAAEA94AFE66", REFRESHED, REFRESHED,
                Map.of("excelCopilotLastActivityDate", REFRESHED)));
        serve(rows, 10);

        SourcePull pull = connector.pull(FROM, TO);

        assertThat(pull.anonymised()).isFalse();
        assertThat(pull.activity()).containsExactlyInAnyOrderElementsOf(ReportFixture.expected(named, FROM, TO));
        assertThat(pull.notes()).anySatisfy(note -> assertThat(note).contains("1 of the report's 4 rows"));
    }

    @Test
    void aNextPageOnAnotherHostIsNotAskedFor() {
        fake.page(D7, ReportFixture.page(ReportFixture.people(2, REFRESHED, 3),
                "https://reports.example.net" + D7 + "?$skiptoken=x"));

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("reports.example.net");
    }

    @Test
    void aNextPageLinkingBackToAnEarlierOneEndsThePull() {
        fake.page(D7, ReportFixture.page(ReportFixture.people(2, REFRESHED, 3), fake.url() + D7));

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("already read");
    }

    @Test
    void anUnreachableGraphEndsThePull() {
        fake.close();

        assertThatThrownBy(() -> connector.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("Could not reach");
    }

    @Test
    void withoutItsSecretTheConnectorIsNotConfiguredAndPullsNothing() {
        Microsoft365CopilotConnector unset = connector(" ");

        assertThat(unset.configured()).isFalse();
        assertThat(unset.source()).isEqualTo("microsoft-365-copilot");
        assertThatThrownBy(() -> unset.pull(FROM, TO)).isInstanceOf(SourceUnavailable.class)
                .hasMessageContaining("UPTAKE_GRAPH_CLIENT_SECRET");
        assertThat(fake.tokenCalls()).isEmpty();
    }
}
