package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.catalog.Audience;
import io.uptake.catalog.Catalog;
import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.ChannelRef;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.catalog.CycleTime;
import io.uptake.catalog.DigestSubscription;
import io.uptake.catalog.Outcome;
import io.uptake.catalog.Programme;
import io.uptake.catalog.Pulse;
import io.uptake.catalog.Quarter;
import io.uptake.catalog.Question;
import io.uptake.catalog.Schedule;
import io.uptake.catalog.Stage;
import io.uptake.catalog.Workflow;
import io.uptake.platform.Platform;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogParserTest {

    private final CatalogParser parser = new CatalogParser();

    private static final String MINIMAL = """
            programmes:
              - id: claims-ai
                sponsor: CFO@Example.com
                workflows:
                  - id: claims-triage
                    owner: [Jane@Example.com]
                    audience: { emails: [a@example.com, b@example.com, c@example.com] }
            pulses:
              - id: claims-weekly
                workflow: claims-triage
                schedule: { every: weekdays, at: "9:30" }
                questions: [trust]
            """;

    private Catalog valid(String text) {
        CatalogParse parse = parser.parse("programmes.yml", text);
        assertThat(parse).isInstanceOf(CatalogParse.Valid.class);
        return ((CatalogParse.Valid) parse).catalog();
    }

    private Catalog example() {
        return valid(CatalogText.EXAMPLE);
    }

    @Test
    void readsTheExampleProgramme() {
        Programme programme = example().programmes().get(0);

        assertThat(example().programmes()).hasSize(1);
        assertThat(programme.id()).isEqualTo("claims-ai");
        assertThat(programme.name()).isEqualTo("Claims triage assistant");
        assertThat(programme.sponsorEmail()).isEqualTo("cfo@example.com");
        assertThat(programme.workflows()).extracting(Workflow::id).containsExactly("claims-triage");
    }

    @Test
    void readsTheExampleWorkflow() {
        Workflow workflow = example().workflow("claims-triage").orElseThrow();

        assertThat(workflow.programmeId()).isEqualTo("claims-ai");
        assertThat(workflow.name()).isEqualTo("AI-assisted claims triage");
        assertThat(workflow.stage()).isEqualTo(Stage.PILOT);
        assertThat(workflow.stageSince()).contains(LocalDate.of(2026, 9, 1));
        assertThat(workflow.ownerEmail()).isEqualTo("jane@example.com");
        assertThat(workflow.audience()).isEqualTo(new Audience.SlackChannel("C0123ABCD"));
        assertThat(workflow.targetTeamSize()).isEqualTo(40);
        assertThat(workflow.play()).contains(URI.create("https://wiki.example.com/plays/claims-triage"));
    }

    @Test
    void readsTheExampleOutcomeAndCycleTime() {
        Workflow workflow = example().workflow("claims-triage").orElseThrow();

        assertThat(workflow.outcome()).contains(new Outcome("Claims closed per FTE per week", "claims",
                Outcome.Direction.UP, new BigDecimal("120"), new BigDecimal("150"), new Quarter(2027, 1)));
        assertThat(workflow.cycleTime()).contains(new CycleTime("Triage one claim", new BigDecimal("18")));
    }

    @Test
    void readsTheExamplePulse() {
        assertThat(example().pulses()).containsExactly(new Pulse("claims-weekly", "claims-triage",
                new Schedule(Set.of(DayOfWeek.TUESDAY), LocalTime.of(10, 0), Optional.empty()),
                List.of(Question.USAGE, Question.TRUST, Question.CORRECTION, Question.CYCLE_TIME, Question.COMMENT),
                Pulse.Mode.CONFIDENTIAL, Duration.ofHours(24), 1, Duration.ofHours(72)));
    }

    @Test
    void readsTheExampleCheckinPolicy() {
        assertThat(example().checkins()).isEqualTo(new CheckinPolicy(CheckinPolicy.Cadence.QUARTERLY,
                List.of(Duration.ofDays(2), Duration.ofDays(5)), Duration.ofDays(7)));
    }

    @Test
    void readsTheExampleDigest() {
        assertThat(example().digests()).containsExactly(new DigestSubscription(
                new ChannelRef(Platform.SLACK, "C0LEADERS"), List.of("claims-ai"),
                new Schedule(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), Optional.of(ZoneId.of("Europe/London")))));
    }

    @Test
    void emptyDocumentIsAnEmptyCatalogue() {
        assertThat(valid("")).isEqualTo(Catalog.empty());
    }

    @Test
    void documentOfOnlyCommentsIsAnEmptyCatalogue() {
        assertThat(valid("# programmes are declared here later\n")).isEqualTo(Catalog.empty());
    }

    @Test
    void missingCheckinsUseTheDefaultPolicy() {
        assertThat(valid(MINIMAL).checkins()).isEqualTo(CheckinPolicy.DEFAULT);
    }

    @Test
    void namesDefaultToIds() {
        Catalog catalog = valid(MINIMAL);

        assertThat(catalog.programmes().get(0).name()).isEqualTo("claims-ai");
        assertThat(catalog.workflows().get(0).name()).isEqualTo("claims-triage");
    }

    @Test
    void workflowStageDefaultsToPilotWithNoDate() {
        Workflow workflow = valid(MINIMAL).workflows().get(0);

        assertThat(workflow.stage()).isEqualTo(Stage.PILOT);
        assertThat(workflow.stageSince()).isEmpty();
        assertThat(workflow.play()).isEmpty();
        assertThat(workflow.outcome()).isEmpty();
        assertThat(workflow.cycleTime()).isEmpty();
    }

    @Test
    void ownerGivenAsListOfOneIsAcceptedAndEmailsAreLowerCased() {
        Catalog catalog = valid(MINIMAL);

        assertThat(catalog.workflows().get(0).ownerEmail()).isEqualTo("jane@example.com");
        assertThat(catalog.programmes().get(0).sponsorEmail()).isEqualTo("cfo@example.com");
    }

    @Test
    void emailAudienceWithoutTeamSizeRecordsZeroAndKeepsItsPeople() {
        Workflow workflow = valid(MINIMAL).workflows().get(0);

        // The scorecard sizes the team by the people the list named in each week, not by today's list.
        assertThat(workflow.audience()).isEqualTo(
                new Audience.Emails(List.of("a@example.com", "b@example.com", "c@example.com")));
        assertThat(workflow.targetTeamSize()).isZero();
    }

    @Test
    void otherAudiencesWithoutTeamSizeRecordZero() {
        Catalog catalog = valid(CatalogText.example().without("target-team-size: 40").text());

        assertThat(catalog.workflows().get(0).targetTeamSize()).isZero();
    }

    @Test
    void pulseDefaultsApplyWhenNotGiven() {
        Pulse pulse = valid(MINIMAL).pulses().get(0);

        assertThat(pulse.mode()).isEqualTo(Pulse.Mode.CONFIDENTIAL);
        assertThat(pulse.remindAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(pulse.reminders()).isEqualTo(1);
        assertThat(pulse.closeAfter()).isEqualTo(Duration.ofHours(72));
        assertThat(pulse.schedule().recipientZone()).isTrue();
    }

    @Test
    void weekdaysMeansMondayToFriday() {
        Schedule schedule = valid(MINIMAL).pulses().get(0).schedule();

        assertThat(schedule.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(schedule.at()).isEqualTo(LocalTime.of(9, 30));
    }

    @Test
    void scheduleDaysMayBeAListInAnyCase() {
        Catalog catalog = valid(CatalogText.example().replace("every: TUESDAY", "every: [tuesday, Thursday]").text());

        assertThat(catalog.pulses().get(0).schedule().days())
                .containsExactlyInAnyOrder(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
    }

    @Test
    void otherAudienceKindsAndTeamsDigestsAreRead() {
        Catalog catalog = valid(CatalogText.example()
                .replace("{ slack-channel: C0123ABCD }", "{ teams-team: 19:team@thread.tacv2 }")
                .replace("slack:C0LEADERS", "teams:19:leaders@thread.tacv2").text());

        assertThat(catalog.workflows().get(0).audience()).isEqualTo(new Audience.TeamsTeam("19:team@thread.tacv2"));
        assertThat(catalog.digests().get(0).channel())
                .isEqualTo(new ChannelRef(Platform.TEAMS, "19:leaders@thread.tacv2"));
    }

    @Test
    void slackUsergroupAudienceIsRead() {
        Catalog catalog = valid(CatalogText.example()
                .replace("{ slack-channel: C0123ABCD }", "{ slack-usergroup: S0123ABCD }").text());

        assertThat(catalog.workflows().get(0).audience()).isEqualTo(new Audience.SlackUsergroup("S0123ABCD"));
    }

    @Test
    void aDownwardOutcomeWithATargetBelowTheBaselineIsRead() {
        Catalog catalog = valid(CatalogText.example()
                .replace("direction: up, baseline: 120, target: 150", "direction: down, baseline: 18.5, target: 9")
                .text());

        Outcome outcome = catalog.workflows().get(0).outcome().orElseThrow();
        assertThat(outcome.direction()).isEqualTo(Outcome.Direction.DOWN);
        assertThat(outcome.baseline()).isEqualByComparingTo("18.5");
        assertThat(outcome.target()).isEqualByComparingTo("9");
    }
}
