package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.uptake.catalog.CatalogError;
import io.uptake.catalog.CatalogParse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each mistake in an otherwise valid file is reported once, with the line and field a person must fix. */
class CatalogParserMistakesTest {

    private static final String FILE = "programmes.yml";
    private static final String WORKFLOW = "programmes[0].workflows[0]";

    private static final String SECOND_WORKFLOW = """
                  - id: claims-triage
                    owner: joe@example.com
                    audience: { slack-channel: C0999ZZZZ }
            """;

    private final CatalogParser parser = new CatalogParser();

    private List<CatalogError> errorsIn(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Invalid.class);
        return ((CatalogParse.Invalid) parse).errors();
    }

    private CatalogError onlyErrorIn(CatalogText text) {
        List<CatalogError> errors = errorsIn(text);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).file()).isEqualTo(FILE);
        return errors.get(0);
    }

    private static CatalogText example() {
        return CatalogText.example();
    }

    @Test
    void unknownTopLevelKeyIsNamedWithTheAllowedKeys() {
        CatalogText text = example().append("colour: blue\n");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("colour: blue"));
        assertThat(error.field()).isEqualTo("colour");
        assertThat(error.message()).isEqualTo("unknown key 'colour'; allowed: programmes, pulses, checkins, digests,"
                + " github-logins, csv-profiles, tools");
    }

    @Test
    void unknownNestedKeyIsNamedWithItsPath() {
        CatalogText text = example().replace("        stage: pilot", "        stgae: pilot");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("stgae: pilot"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".stgae");
        assertThat(error.message()).startsWith("unknown key 'stgae'; allowed: id, name, stage, stage-since, owner");
    }

    @Test
    void missingPulseIdIsReportedAtThePulse() {
        CatalogText text = example().replace("  - id: claims-weekly\n    workflow:", "  - workflow:");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("- workflow: claims-triage"));
        assertThat(error.field()).isEqualTo("pulses[0].id");
        assertThat(error.message()).isEqualTo("missing required key 'id'");
    }

    @Test
    void malformedIdSaysWhatAnIdMayContain() {
        CatalogText text = example().replace("id: claims-weekly", "id: Claims_Weekly");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("Claims_Weekly"));
        assertThat(error.field()).isEqualTo("pulses[0].id");
        assertThat(error.message()).contains("'Claims_Weekly'", "lower-case letters, digits and hyphens");
    }

    @Test
    void duplicateWorkflowIdPointsBackToTheFirst() {
        int firstLine = example().lineOf("- id: claims-triage");
        CatalogText text = example().insertAfter("cycle-time:", SECOND_WORKFLOW);

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("cycle-time:") + 1);
        assertThat(error.field()).isEqualTo("programmes[0].workflows[1].id");
        assertThat(error.message()).isEqualTo("workflow id 'claims-triage' is already used on line " + firstLine
                + "; each workflow needs its own id");
    }

    @Test
    void workflowWithoutOwnerIsReportedAtTheWorkflow() {
        CatalogText text = example().without("owner: jane@example.com");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("- id: claims-triage"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".owner");
        assertThat(error.message()).isEqualTo("a workflow needs exactly one owner; none given");
    }

    @Test
    void twoOwnersInAListAreRefused() {
        CatalogText text = example().replace("owner: jane@example.com", "owner: [jane@example.com, joe@example.com]");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("owner:"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".owner");
        assertThat(error.message())
                .isEqualTo("a workflow needs exactly one owner; found 2: jane@example.com, joe@example.com");
    }

    @Test
    void twoOwnersInOneStringAreRefused() {
        CatalogText text = example().replace("owner: jane@example.com", "owner: jane@example.com; joe@example.com");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("owner:"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".owner");
        assertThat(error.message()).startsWith("a workflow needs exactly one owner; found 2");
    }

    @Test
    void pulseNamingAnUndeclaredWorkflowListsTheDeclaredOnes() {
        CatalogText text = example().replace("workflow: claims-triage", "workflow: claims-triag");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("workflow: claims-triag"));
        assertThat(error.field()).isEqualTo("pulses[0].workflow");
        assertThat(error.message()).isEqualTo("'claims-triag' is not a declared workflow; declared: claims-triage");
    }

    @Test
    void unknownTimeZoneIsRefused() {
        CatalogText text = example().replace("zone: Europe/London", "zone: Europe/Londres");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("Europe/Londres"));
        assertThat(error.field()).isEqualTo("digests[0].schedule.zone");
        assertThat(error.message()).contains("unknown time zone 'Europe/Londres'", "such as Europe/London");
    }

    @Test
    void digestMayNotUseTheRecipientZone() {
        CatalogText text = example().replace("zone: Europe/London", "zone: recipient");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("every: MONDAY"));
        assertThat(error.field()).isEqualTo("digests[0].schedule.zone");
        assertThat(error.message()).contains("'recipient' is not allowed here", "a digest posts to a channel");
    }

    @Test
    void digestScheduleWithoutZoneIsRefused() {
        CatalogText text = example().replace(", zone: Europe/London", "");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("every: MONDAY"));
        assertThat(error.field()).isEqualTo("digests[0].schedule.zone");
        assertThat(error.message()).startsWith("missing required key 'zone'");
    }

    @Test
    void unknownScheduleDayIsRefused() {
        CatalogText text = example().replace("every: TUESDAY", "every: TUESDAYS");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("TUESDAYS"));
        assertThat(error.field()).isEqualTo("pulses[0].schedule.every");
        assertThat(error.message())
                .isEqualTo("'TUESDAYS' is not a day; use MONDAY to SUNDAY, a list of them, or weekdays");
    }

    @Test
    void timeOutsideTheTwentyFourHourClockIsRefused() {
        CatalogText text = example().replace("at: \"10:00\"", "at: \"25:00\"");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("25:00"));
        assertThat(error.field()).isEqualTo("pulses[0].schedule.at");
        assertThat(error.message()).startsWith("'25:00' is not a time of day; write it as \"HH:mm\"");
    }

    @Test
    void upwardOutcomeWithTargetBelowBaselineIsRefused() {
        CatalogText text = example().replace("target: 150", "target: 100");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("outcome:"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".outcome.target");
        assertThat(error.message()).isEqualTo("with direction up the target must be above the baseline 120; found 100");
    }

    @Test
    void downwardOutcomeWithTargetAboveBaselineIsRefused() {
        CatalogText text = example().replace("direction: up", "direction: down");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("outcome:"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".outcome.target");
        assertThat(error.message())
                .isEqualTo("with direction down the target must be below the baseline 120; found 150");
    }

    @Test
    void outcomeTargetEqualToBaselineIsRefused() {
        CatalogText text = example().replace("target: 150", "target: 120.0");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.field()).isEqualTo(WORKFLOW + ".outcome.target");
        assertThat(error.message()).endsWith("must be above the baseline 120; found 120.0");
    }

    @Test
    void malformedQuarterIsRefused() {
        CatalogText text = example().replace("by: 2027-Q1", "by: 2027-Q5");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("2027-Q5"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".outcome.by");
        assertThat(error.message()).isEqualTo("'2027-Q5' is not a quarter; write it like 2027-Q1 (Q1 to Q4)");
    }

    @Test
    void digestChannelInAnUnknownFormNamesTheAcceptedForms() {
        CatalogText text = example().replace("channel: slack:C0LEADERS", "channel: \"#leaders\"");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("#leaders"));
        assertThat(error.field()).isEqualTo("digests[0].channel");
        assertThat(error.message())
                .contains("'#leaders' is not a channel", "slack:C0123ABCD", "teams:<conversation id>");
    }

    @Test
    void secondDigestToTheSameChannelIsRefused() {
        CatalogText text = example().append("""
                  - channel: slack:C0LEADERS
                    programmes: [claims-ai]
                    schedule: { every: FRIDAY, at: "16:00", zone: Europe/Paris }
                """);

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("every: FRIDAY") - 2);
        assertThat(error.field()).isEqualTo("digests[1].channel");
        assertThat(error.message()).startsWith("duplicate channel: slack:C0LEADERS already has a digest on line "
                + (text.lineOf("every: MONDAY") - 2));
    }

    @Test
    void digestNamingAnUndeclaredProgrammeIsRefused() {
        CatalogText text = example().replace("programmes: [claims-ai]", "programmes: [claims-ai, sales-ai]");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("sales-ai"));
        assertThat(error.field()).isEqualTo("digests[0].programmes[1]");
        assertThat(error.message()).isEqualTo("'sales-ai' is not a declared programme; declared: claims-ai");
    }

    @Test
    void malformedEmailIsRefused() {
        CatalogText text = example().replace("sponsor: cfo@example.com", "sponsor: cfo.example.com");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("sponsor:"));
        assertThat(error.field()).isEqualTo("programmes[0].sponsor");
        assertThat(error.message())
                .isEqualTo("'cfo.example.com' is not an email address; write it like name@example.com");
    }

    @Test
    void malformedDurationIsRefused() {
        CatalogText text = example().replace("remind-after: 24h", "remind-after: 24 hours");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("remind-after:"));
        assertThat(error.field()).isEqualTo("pulses[0].remind-after");
        assertThat(error.message()).startsWith("'24 hours' is not a duration;").contains("90m, 24h, 2d or 1w");
    }

    @Test
    void unknownStageListsTheStages() {
        CatalogText text = example().replace("stage: pilot", "stage: beta");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("stage: beta"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".stage");
        assertThat(error.message()).isEqualTo("'beta' is not allowed; use one of pilot, production, retired");
    }

    @Test
    void impossibleStageDateIsRefused() {
        CatalogText text = example().replace("stage-since: 2026-09-01", "stage-since: 2026-02-30");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("stage-since:"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".stage-since");
        assertThat(error.message()).startsWith("'2026-02-30' is not a date; write it as yyyy-MM-dd");
    }

    @Test
    void yamlSyntaxErrorIsOneErrorAtItsLine() {
        CatalogText text = example().replace("name: Claims triage assistant", "name: Claims: triage assistant");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("Claims: triage"));
        assertThat(error.field()).isEqualTo("(file)");
        assertThat(error.message()).startsWith("not valid YAML: mapping values are not allowed here");
    }

    @Test
    void listWhereKeyValuePairsBelongIsRefused() {
        CatalogText text = example().replace("audience: { slack-channel: C0123ABCD }", "audience: [C0123ABCD]");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("audience:"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".audience");
        assertThat(error.message()).isEqualTo("expected key: value pairs (slack-channel, slack-usergroup, teams-team,"
                + " emails) but found a list");
    }

    @Test
    void keyValuePairsWhereASingleValueBelongsAreRefused() {
        CatalogText text = example().replace("play: https://wiki.example.com/plays/claims-triage",
                "play: { url: https://wiki.example.com/plays/claims-triage }");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("play:"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".play");
        assertThat(error.message()).isEqualTo("expected a single value but found key: value pairs");
    }

    @Test
    void fileThatIsNotKeyValuePairsIsRefused() {
        CatalogError error = onlyErrorIn(CatalogText.of("- claims-ai\n"));

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.field()).isEqualTo("(top level)");
        assertThat(error.message()).startsWith("expected key: value pairs (programmes, pulses, checkins, digests,");
    }

    @Test
    void repeatedKeyIsReportedAtTheSecondOne() {
        CatalogText text = example().insertAfter("target-team-size: 40", "        owner: joe@example.com");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("owner: joe"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".owner");
        assertThat(error.message()).isEqualTo("duplicate key 'owner'; it is already given on line "
                + text.lineOf("owner: jane") + "; keep one");
    }

    @Test
    void audienceWithTwoKindsIsRefused() {
        CatalogText text = example().replace("{ slack-channel: C0123ABCD }",
                "{ slack-channel: C0123ABCD, emails: [a@example.com] }");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("audience:"));
        assertThat(error.field()).isEqualTo(WORKFLOW + ".audience");
        assertThat(error.message()).endsWith("found slack-channel and emails");
    }

    @Test
    void slackChannelNameInsteadOfIdIsRefused() {
        CatalogText text = example().replace("slack-channel: C0123ABCD", "slack-channel: claims-team");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.field()).isEqualTo(WORKFLOW + ".audience.slack-channel");
        assertThat(error.message()).startsWith("'claims-team' is not a Slack channel id such as C0123ABCD");
    }

    @Test
    void repeatedEmailInAnAudienceIsRefused() {
        CatalogText text = example().replace("{ slack-channel: C0123ABCD }",
                "{ emails: [a@example.com, b@example.com, A@example.com] }");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.field()).isEqualTo(WORKFLOW + ".audience.emails[2]");
        assertThat(error.message()).startsWith("'a@example.com' is already listed on line");
    }

    @Test
    void playThatIsNotAWebLinkIsRefused() {
        CatalogText text = example().replace("play: https://wiki", "play: ftp://wiki");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.field()).isEqualTo(WORKFLOW + ".play");
        assertThat(error.message()).contains("is not a web link; write an absolute http or https URL");
    }

    @Test
    void teamSizeOfZeroIsRefused() {
        CatalogText text = example().replace("target-team-size: 40", "target-team-size: 0");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.field()).isEqualTo(WORKFLOW + ".target-team-size");
        assertThat(error.message()).isEqualTo("'0' is not allowed; use a whole number from 1 up");
    }

    @Test
    void repeatedPulseQuestionIsRefused() {
        CatalogText text = example()
                .replace("[usage, trust, correction, cycle-time, comment]", "[usage, trust, usage]");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.field()).isEqualTo("pulses[0].questions[2]");
        assertThat(error.message()).isEqualTo("'usage' is asked twice; ask each question once");
    }

    @Test
    void pulseWithMoreThanFiveQuestionsIsRefused() {
        CatalogText text = example().replace("comment]", "comment, trust]");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.field()).isEqualTo("pulses[0].questions");
        assertThat(error.message()).isEqualTo("a pulse asks 1 to 5 questions; found 6");
    }

    @Test
    void pulseClosingBeforeItsReminderIsRefused() {
        CatalogText text = example().replace("close-after: 72h", "close-after: 1d");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("close-after:"));
        assertThat(error.field()).isEqualTo("pulses[0].close-after");
        assertThat(error.message()).startsWith("close-after (1d) must be longer than remind-after (1d)");
    }

    @Test
    void moreThanTwoRemindersAreRefused() {
        CatalogText text = example().insertAfter("remind-after: 24h", "    reminders: 3");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.field()).isEqualTo("pulses[0].reminders");
        assertThat(error.message()).isEqualTo("'3' is not allowed; use a whole number from 0 to 2");
    }

    @Test
    void escalatingBeforeTheLastReminderIsRefused() {
        CatalogText text = example().replace("escalate-after: 7d", "escalate-after: 5d");

        CatalogError error = onlyErrorIn(text);

        assertThat(error.line()).isEqualTo(text.lineOf("checkins:"));
        assertThat(error.field()).isEqualTo("checkins.escalate-after");
        assertThat(error.message())
                .isEqualTo("escalate-after (5d) must be later than every reminder; the latest is at 5d");
    }

    @Test
    void longValueIsShortenedInTheMessage() {
        CatalogText text = example().replace("stage: pilot", "stage: " + "x".repeat(10_000));

        CatalogError error = onlyErrorIn(text);

        assertThat(error.field()).isEqualTo(WORKFLOW + ".stage");
        assertThat(error.message()).startsWith("'" + "x".repeat(80) + "...'").hasSizeLessThan(200);
    }

    @Test
    void aliasBombIsRefusedWithoutExpandingIt() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1)
                    .append(", *a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }

        CatalogError error = onlyErrorIn(CatalogText.of(bomb.toString()));

        assertThat(error.field()).isEqualTo("(file)");
        assertThat(error.message()).contains("aliases");
    }

    @Test
    void severalMistakesAreReportedTogetherInLineOrder() {
        CatalogText text = example()
                .replace("sponsor: cfo@example.com", "sponsor: cfo")
                .replace("stage: pilot", "stage: beta")
                .replace("every: TUESDAY", "every: SOMEDAY")
                .replace("zone: Europe/London", "zone: Mars/Olympus");

        List<CatalogError> errors = errorsIn(text);

        assertThat(errors).extracting(CatalogError::line, CatalogError::field).containsExactly(
                tuple(text.lineOf("sponsor:"), "programmes[0].sponsor"),
                tuple(text.lineOf("stage: beta"), WORKFLOW + ".stage"),
                tuple(text.lineOf("SOMEDAY"), "pulses[0].schedule.every"),
                tuple(text.lineOf("Mars/Olympus"), "digests[0].schedule.zone"));
    }
}
