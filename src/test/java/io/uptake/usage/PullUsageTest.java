package io.uptake.usage;

import static io.uptake.usage.PullWorld.ANA;
import static io.uptake.usage.PullWorld.BO;
import static io.uptake.usage.PullWorld.CY;
import static io.uptake.usage.PullWorld.byEmail;
import static io.uptake.usage.PullWorld.byLogin;
import static io.uptake.usage.PullWorld.passive;
import static io.uptake.usage.PullWorld.pulled;
import static io.uptake.usage.PullWorld.source;
import static io.uptake.usage.PullWorld.usageDays;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.people.PersonRepository;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A connector's pull becomes usage events: who, which workflow, which day, once. The test clock stands on Sunday
 * 2026-11-22, 09:00 UTC. Expected rows are written out here from the activity each test hands the connector.
 */
@MicronautTest(transactional = false, rebuildContext = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PullUsageTest implements TestPropertyProvider {

    static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    static final LocalDate D1 = LocalDate.parse("2026-11-19");
    static final LocalDate D2 = LocalDate.parse("2026-11-20");
    static final String COPILOT = "github-copilot";

    @Inject
    ApplicationContext context;
    @Inject
    FakeConnector connector;
    @Inject
    PullUsage pullUsage;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.catalog", PullWorld.programmesFile().toString(), "uptake.test.fake-connector", "true");
    }

    @BeforeEach
    void ready() {
        PullWorld.ready(context);
    }

    private PullResult pull() {
        PullUsage.Outcome outcome = pullUsage.pull(COPILOT);
        assertThat(outcome).isInstanceOf(PullUsage.Outcome.Pulled.class);
        return ((PullUsage.Outcome.Pulled) outcome).result();
    }

    @Test
    void eachActivityCountsForTheWorkflowsWhoseFeaturesCountIt() {
        connector.answer(pulled(D2, byEmail(ANA, D1, "code_completion", 3), byEmail(ANA, D1, "chat", 2),
                byEmail(ANA, D2, "code_review", 1), byEmail("CY@Example.com", D2, "code_review", 4)));

        PullResult result = pull();

        // coding counts every feature, summed per day; code-review only code_review.
        assertThat(usageDays(context)).containsExactly(
                "code-review ana@example.com 2026-11-20 1",
                "code-review cy@example.com 2026-11-20 4",
                "coding ana@example.com 2026-11-19 5",
                "coding ana@example.com 2026-11-20 1",
                "coding cy@example.com 2026-11-20 4");
        assertThat(result.stored()).isEqualTo(5);
        assertThat(result.alreadyStored()).isZero();
        assertThat(result.unknownPeople().count()).isZero();
    }

    @Test
    void aLoginIsMatchedThroughGithubLoginsIgnoringCase() {
        connector.answer(pulled(D1, byLogin("bo-DEV", D1, "code_review", 2)));

        pull();

        assertThat(usageDays(context)).containsExactly(
                "code-review bo@example.com 2026-11-19 2",
                "coding bo@example.com 2026-11-19 2");
    }

    @Test
    void useWithoutAFeatureCountsOnlyForAWorkflowListingNone() {
        connector.answer(pulled(D1, byEmail(ANA, D1, SourceActivity.ANY, 1)));

        pull();

        assertThat(usageDays(context)).containsExactly("coding ana@example.com 2026-11-19 1");
    }

    @Test
    void aDayOfOnlyPassiveUseIsStoredAsNoUse() {
        connector.answer(pulled(D2, passive(ANA, D1, "code_completion"), passive(BO, D2, "code_completion"),
                byEmail(BO, D2, "code_completion", 2)));

        pull();

        assertThat(usageDays(context)).containsExactly(
                "coding ana@example.com 2026-11-19 0",
                "coding bo@example.com 2026-11-20 2");
    }

    @Test
    void pullingTheSameDaysAgainStoresNothingAndChangesNoFigure() {
        connector.answer(pulled(D2, byEmail(ANA, D1, "code_review", 3), passive(BO, D1, "code_completion"),
                byEmail(CY, D2, "chat", 1)));
        PullResult first = pull();
        List<String> before = usageDays(context);
        long activeBefore = before.stream().filter(r -> !r.endsWith(" 0")).count();

        PullResult again = pull();

        assertThat(first.stored()).isEqualTo(4);
        assertThat(again.stored()).isZero();
        assertThat(again.alreadyStored()).isEqualTo(4);
        assertThat(usageDays(context)).isEqualTo(before);
        assertThat(usageDays(context).stream().filter(r -> !r.endsWith(" 0")).count()).isEqualTo(activeBefore)
                .isEqualTo(3);
    }

    @Test
    void aPassiveDayThatTurnsActiveIsStoredOnceMore() {
        connector.answer(pulled(D1, passive(ANA, D1, "code_completion")));
        pull();
        connector.answer(pulled(D1, byEmail(ANA, D1, "code_completion", 2)));

        PullResult active = pull();
        connector.answer(pulled(D1, passive(ANA, D1, "code_completion")));
        PullResult passiveAgain = pull();

        assertThat(active.stored()).isEqualTo(1);
        assertThat(passiveAgain.stored()).isZero();
        assertThat(usageDays(context)).containsExactly(
                "coding ana@example.com 2026-11-19 0",
                "coding ana@example.com 2026-11-19 2");
    }

    @Test
    void peopleUptakeDoesNotKnowAreReportedNotCreated() {
        long people = context.getBean(PersonRepository.class).count();
        connector.answer(pulled(D1, byEmail("stranger@example.com", D1, "chat", 1), byLogin("nobody-gh", D1, "chat",
                1), byEmail(ANA, D1, "chat", 1)));

        PullResult result = pull();

        assertThat(result.stored()).isEqualTo(1);
        assertThat(result.unknownPeople().count()).isEqualTo(2);
        assertThat(result.unknownPeople().examples()).containsExactly("stranger@example.com",
                "GitHub login nobody-gh (not in github-logins)");
        assertThat(context.getBean(PersonRepository.class).count()).isEqualTo(people);
    }

    @Test
    void anAnonymisedReportStoresNothingAndSaysSo() {
        String note = "The tenant conceals user names in reports; turn the setting off to count use per person.";
        connector.answer(new SourcePull(List.of(byEmail("3F2504E0", D1, "word", 1)), D1, true, List.of(note)));

        PullResult result = pull();

        assertThat(result.anonymised()).isTrue();
        assertThat(result.stored()).isZero();
        assertThat(result.notes()).containsExactly(note);
        assertThat(usageDays(context)).isEmpty();
        // delivered_through, last_error, anonymised, last_stored, attempted, succeeded
        assertThat(source(context, COPILOT)).containsExactly("null", note, "true", "0", "true", "false");
    }

    @Test
    void aFailedPullStoresNothingAndKeepsTheErrorUntilTheNextSuccess() {
        connector.fail("GitHub refused the token (401): check UPTAKE_GITHUB_TOKEN");

        PullUsage.Outcome outcome = pullUsage.pull(COPILOT);

        assertThat(outcome).isEqualTo(new PullUsage.Outcome.Failed(COPILOT,
                "GitHub refused the token (401): check UPTAKE_GITHUB_TOKEN"));
        assertThat(usageDays(context)).isEmpty();
        assertThat(source(context, COPILOT)).containsExactly("null",
                "GitHub refused the token (401): check UPTAKE_GITHUB_TOKEN", "false", "0", "true", "false");

        connector.answer(pulled(D1, byEmail(ANA, D1, "chat", 1)));
        pull();

        assertThat(source(context, COPILOT)).containsExactly("2026-11-19", "null", "false", "1", "true", "true");
    }

    @Test
    void theFirstPullReadsTheHabitWindowAndLaterOnesBackfillFromTheCursorAfterAnOutage() {
        connector.answer(pulled(LocalDate.parse("2026-11-21")));
        pull();
        connector.fail("GitHub is down (503)");
        clock.advance(Duration.ofDays(2));
        pullUsage.pull(COPILOT);
        clock.advance(Duration.ofDays(3));
        connector.answer(pulled(LocalDate.parse("2026-11-26"), byEmail(ANA, LocalDate.parse("2026-11-23"), "chat",
                1)));

        PullResult after = pull();

        // From the Monday twelve weeks (the habit's window) before this week's (16 Nov) up to today; then from two
        // days before the cursor (21st) to the new today, 27th.
        assertThat(connector.asked()).containsExactly("2026-08-24..2026-11-22", "2026-11-19..2026-11-24",
                "2026-11-19..2026-11-27");
        assertThat(after.from()).isEqualTo(LocalDate.parse("2026-11-19"));
        assertThat(after.deliveredThrough()).isEqualTo(LocalDate.parse("2026-11-26"));
        assertThat(usageDays(context)).containsExactly("coding ana@example.com 2026-11-23 1");
    }

    @Test
    void theCursorNeverMovesBackwards() {
        connector.answer(pulled(D2));
        pull();
        connector.answer(pulled(D1));

        PullResult result = pull();

        assertThat(result.deliveredThrough()).isEqualTo(D2);
        assertThat(source(context, COPILOT).get(0)).isEqualTo(D2.toString());
    }

    @Test
    void aConnectorThatIsNotConfiguredIsNotPulled() {
        assertThat(pullUsage.pull("microsoft-365-copilot")).isEqualTo(new PullUsage.Outcome.NotConfigured(
                "microsoft-365-copilot", List.of("UPTAKE_GRAPH_TENANT_ID", "UPTAKE_GRAPH_CLIENT_ID",
                "UPTAKE_GRAPH_CLIENT_SECRET")));
        assertThat(pullUsage.pull("slack-ai")).isInstanceOf(PullUsage.Outcome.UnknownSource.class);
        assertThat(pullUsage.pull("csv:chatgpt")).isInstanceOf(PullUsage.Outcome.CsvSource.class);
        assertThat(pullUsage.configuredSources()).containsExactly(COPILOT);
    }

    @Test
    void aPullLargerThanABatchIsStoredInSeveralBatches() {
        List<SourceActivity> activity = new ArrayList<>();
        LocalDate day = TODAY.minusDays(27);
        for (int d = 0; d < 28; d++) {
            for (String email : List.of(ANA, BO, CY)) {
                for (int f = 0; f < 130; f++) {
                    activity.add(byEmail(email, day.plusDays(d), "feature-" + f, 1));
                }
            }
        }
        connector.answer(new SourcePull(activity, TODAY, false, List.of()));

        PullResult result = pull();

        // One use per workflow (coding only: no code_review), person and day, however many features.
        assertThat(result.stored()).isEqualTo(28 * 3);
        assertThat(usageDays(context)).hasSize(28 * 3).allSatisfy(r -> assertThat(r).endsWith(" 130"));
    }

    @Test
    void withNoWorkflowReadingTheSourceTheCursorStays() {
        PullUsage.Outcome outcome = pullUsage.pull(new FakeConnector() {
            @Override
            public String source() {
                return "microsoft-365-copilot";
            }

            @Override
            public SourcePull pull(LocalDate from, LocalDate to) {
                return pulled(D2, byEmail(ANA, D1, "word", 1));
            }
        });

        PullResult result = ((PullUsage.Outcome.Pulled) outcome).result();
        assertThat(result.stored()).isZero();
        assertThat(result.deliveredThrough()).isNull();
        assertThat(result.notes()).singleElement().asString().contains("No workflow", "did not move");
        assertThat(usageDays(context)).isEmpty();
    }
}
