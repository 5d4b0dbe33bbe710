package io.uptake.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.RecordingGateway;
import io.uptake.message.OwnerAlert;
import io.uptake.metrics.ScorecardSource;
import io.uptake.metrics.ScorecardSources;
import io.uptake.metrics.Figure;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.Verdict;
import io.uptake.people.PersonPreferences;
import io.uptake.pulse.PulseWorld;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weekly owner alert, from a fixed scorecard to the message the gateway sends, with the caps. */
@MicronautTest(transactional = false, rebuildContext = true)
@Property(name = "test.fixed-scorecard", value = "true")
class OwnerAlertTest {

    @Inject
    ApplicationContext context;
    @Inject
    AlertOwners alertOwners;
    @Inject
    FixedScorecard scorecards;
    @Inject
    Dispatcher dispatcher;
    @Inject
    PersonPreferences preferences;
    @Inject
    NudgeRepository nudges;
    @Inject
    @Named("slack")
    RecordingGateway slack;
    @Inject
    MutableClock clock;

    Map<String, Long> ids;

    void world() {
        ids = PulseWorld.in(context).person("ana@example.com", "UTC").person("owner@example.com", "UTC").build();
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    }

    @Test
    void theOwnerOfAFallingWorkflowIsToldOnceAboutLastWeek() {
        world();
        scorecards.answer = card(OwnerAlertRuleTest.shown(-18, 12), OwnerAlertRuleTest.shown(45, 20));

        int first = alertOwners.lastWeek();
        int again = alertOwners.lastWeek();
        dispatcher.dispatchDue();

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(scorecards.asked).containsOnly(LocalDate.parse("2026-11-16"));
        assertThat(slack.delivered()).singleElement().satisfies(call -> {
            OwnerAlert alert = (OwnerAlert) call.envelope().message();
            assertThat(alert.week()).isEqualTo("2026-W47");
            assertThat(alert.reasons()).hasSize(2);
            assertThat(call.envelope().recipient()).isEqualTo("U2");
        });
    }

    @Test
    void aHealthyWorkflowAlertsNobody() {
        world();
        scorecards.answer = card(OwnerAlertRuleTest.shown(-3, 12), OwnerAlertRuleTest.shown(85, 20));

        assertThat(alertOwners.lastWeek()).isZero();
    }

    @Test
    void anOptedOutOrPausedOwnerIsNotTold() {
        world();
        scorecards.answer = card(OwnerAlertRuleTest.shown(-18, 12), OwnerAlertRuleTest.shown(45, 20));
        preferences.pause(ids.get("owner@example.com"), Duration.ofDays(7));

        assertThat(alertOwners.lastWeek()).isZero();
        preferences.resume(ids.get("owner@example.com"));
        preferences.optOut(ids.get("owner@example.com"));
        assertThat(alertOwners.lastWeek()).isZero();
    }

    @Test
    void anOwnerAlreadyNudgedThisWeekIsNotToldAgain() {
        world();
        scorecards.answer = card(OwnerAlertRuleTest.shown(-18, 12), OwnerAlertRuleTest.shown(45, 20));
        long owner = ids.get("owner@example.com");
        nudges.save(new NudgeRow(null, owner, "checkin_missed", null, "nudge:checkin:x:" + owner, clock.instant()));

        assertThat(alertOwners.lastWeek()).isZero();
        assertThat(nudges.findByDedupeKey("nudge:owner:claims-triage:2026-W47")).isEmpty();
    }

    static Scorecard card(Figure trustChange, Figure response) {
        return new Scorecard("2026-W47", List.of(new ProgrammeScore("claims-ai", "Claims AI", "cfo@example.com",
                Verdict.ACTIVITY, List.of("x"), Figure.noData(Figure.Source.CATALOGUE),
                List.of(OwnerAlertRuleTest.score("claims-triage", "Owner@Example.com", trustChange, response)))));
    }

    /** Stands in for the metrics calculation: answers a fixed scorecard and records the weeks asked for. */
    @Singleton
    @Replaces(bean = ScorecardSource.class, factory = ScorecardSources.class)
    @Requires(property = "test.fixed-scorecard", value = "true")
    static class FixedScorecard implements ScorecardSource {
        Scorecard answer;
        final List<LocalDate> asked = new ArrayList<>();

        @Override
        public Scorecard forWeek(LocalDate weekStart, List<String> programmeIds) {
            asked.add(weekStart);
            return answer;
        }
    }
}
