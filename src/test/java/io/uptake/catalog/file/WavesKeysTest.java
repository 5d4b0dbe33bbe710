package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.uptake.catalog.Audience;
import io.uptake.catalog.CatalogError;
import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.Wave;
import io.uptake.catalog.Workflow;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A workflow's rollout waves, as the programmes file gives them instead of a single audience. */
class WavesKeysTest {

    private static final String FILE = "programmes.yml";
    private static final String AUDIENCE = "        audience: { slack-channel: C0123ABCD }\n"
            + "        target-team-size: 40\n";

    private final CatalogParser parser = new CatalogParser();

    private Workflow valid(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Valid.class);
        return ((CatalogParse.Valid) parse).catalog().workflows().get(0);
    }

    private List<CatalogError> errors(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Invalid.class);
        return ((CatalogParse.Invalid) parse).errors();
    }

    private static CatalogText withWaves(String waves) {
        return CatalogText.example().replace(AUDIENCE, waves);
    }

    @Test
    void aSingleAudienceIsOneWaveLiveWithTheWorkflow() {
        Workflow workflow = valid(CatalogText.example());

        assertThat(workflow.waves()).containsExactly(new Wave(1, new Audience.SlackChannel("C0123ABCD"),
                Optional.empty(), 40));
        assertThat(workflow.audience()).isEqualTo(new Audience.SlackChannel("C0123ABCD"));
        assertThat(workflow.targetTeamSize()).isEqualTo(40);
    }

    @Test
    void wavesOfEveryAudienceKindAreReadInOrderAndWaveOneIsTheWorkflowsAudience() {
        Workflow workflow = valid(withWaves("""
                        waves:
                          - audience: { slack-channel: C0123ABCD }
                            target-team-size: 40
                          - audience: { slack-usergroup: S0123ABCD }
                            go-live: 2027-01-11
                            target-team-size: 12
                          - audience: { teams-team: 19:abc@thread.tacv2 }
                            go-live: 2027-02-08
                          - audience: { emails: [Ann@Example.com, bo@example.com] }
                            go-live: 2027-03-01
                """));

        assertThat(workflow.waves()).containsExactly(
                new Wave(1, new Audience.SlackChannel("C0123ABCD"), Optional.empty(), 40),
                new Wave(2, new Audience.SlackUsergroup("S0123ABCD"), Optional.of(LocalDate.of(2027, 1, 11)), 12),
                new Wave(3, new Audience.TeamsTeam("19:abc@thread.tacv2"), Optional.of(LocalDate.of(2027, 2, 8)), 0),
                new Wave(4, new Audience.Emails(List.of("ann@example.com", "bo@example.com")),
                        Optional.of(LocalDate.of(2027, 3, 1)), 0));
        assertThat(workflow.audience()).isEqualTo(new Audience.SlackChannel("C0123ABCD"));
        assertThat(workflow.targetTeamSize()).isEqualTo(40);
        assertThat(workflow.waves().get(1).liveOn(LocalDate.of(2027, 1, 10))).isFalse();
        assertThat(workflow.waves().get(1).liveOn(LocalDate.of(2027, 1, 11))).isTrue();
        assertThat(workflow.waves().get(0).liveOn(LocalDate.of(2000, 1, 1))).isTrue();
    }

    @Test
    void audienceAndWavesTogetherAreRefused() {
        CatalogText text = CatalogText.example().insertAfter("target-team-size: 40",
                "        waves:\n          - audience: { slack-channel: C0999ABCD }\n");

        assertThat(errors(text)).extracting(CatalogError::file, CatalogError::line, CatalogError::field,
                        CatalogError::message)
                .contains(tuple(FILE, text.lineOf("audience: { slack-channel: C0123ABCD }"),
                        "programmes[0].workflows[0].audience", "give either 'audience' (one audience) or 'waves' "
                                + "(a rollout in waves), not both; wave 1 of 'waves' is the first audience"));
    }

    @Test
    void goLiveDatesThatDoNotIncreaseAreRefusedAtTheLaterWave() {
        CatalogText text = withWaves("""
                        waves:
                          - audience: { slack-channel: C0123ABCD }
                            go-live: 2027-01-11
                          - audience: { slack-channel: C0999ABCD }
                            go-live: 2027-01-11
                """);

        assertThat(errors(text)).extracting(CatalogError::line, CatalogError::field, CatalogError::message)
                .containsExactly(tuple(text.lineOf("- audience: { slack-channel: C0999ABCD }") + 1,
                        "programmes[0].workflows[0].waves[1].go-live", "wave 2 goes live on 2027-01-11, not after "
                                + "wave 1 (2027-01-11); go-live dates must be strictly increasing"));
    }

    @Test
    void aLaterWaveWithoutGoLiveIsRefused() {
        CatalogText text = withWaves("""
                        waves:
                          - audience: { slack-channel: C0123ABCD }
                          - audience: { teams-team: team-b }
                """);

        assertThat(errors(text)).extracting(CatalogError::line, CatalogError::field, CatalogError::message)
                .containsExactly(tuple(text.lineOf("- audience: { teams-team: team-b }"),
                        "programmes[0].workflows[0].waves[1].go-live", "wave 2 needs a 'go-live' date (yyyy-MM-dd); "
                                + "only the first wave may go live with the workflow"));
    }

    @Test
    void aWavesAudienceIsValidatedAsASingleAudienceIs() {
        CatalogText text = withWaves("""
                        waves:
                          - audience: { slack-channel: C0123ABCD }
                          - audience: { slack-channel: general }
                            go-live: 2027-01-11
                            target-team-size: none
                """);

        assertThat(errors(text)).extracting(CatalogError::line, CatalogError::field, CatalogError::message)
                .containsExactly(
                        tuple(text.lineOf("slack-channel: general"),
                                "programmes[0].workflows[0].waves[1].audience.slack-channel",
                                "'general' is not a Slack channel id such as C0123ABCD; copy the id from the details "
                                        + "in Slack"),
                        tuple(text.lineOf("target-team-size: none"),
                                "programmes[0].workflows[0].waves[1].target-team-size",
                                "'none' is not allowed; use a whole number from 1 up"));
    }

    @Test
    void aBadGoLiveUnknownKeyMissingAudienceAndRepeatedTeamAreEachNamed() {
        CatalogText text = withWaves("""
                        waves:
                          - audience: { slack-channel: C0123ABCD }
                          - audience: { slack-channel: C0123ABCD }
                            go-live: 2027-01-11
                          - go-live: 11/02/2027
                            team: 5
                """);

        assertThat(errors(text)).extracting(CatalogError::field, CatalogError::message).containsExactlyInAnyOrder(
                tuple("programmes[0].workflows[0].waves[1].audience", "wave 2 has the same audience as wave 1; "
                        + "each wave is a different team"),
                tuple("programmes[0].workflows[0].waves[2].team", "unknown key 'team'; allowed: audience, go-live, "
                        + "target-team-size"),
                tuple("programmes[0].workflows[0].waves[2].audience", "wave 3 needs an 'audience': one of "
                        + "slack-channel, slack-usergroup, teams-team, emails"),
                tuple("programmes[0].workflows[0].waves[2].go-live", "'11/02/2027' is not a date; write it as "
                        + "yyyy-MM-dd, such as 2026-09-01"));
    }

    @Test
    void anEmptyListOfWavesAndATeamSizeBesideWavesAreRefused() {
        assertThat(errors(withWaves("        waves: []\n"))).extracting(CatalogError::field, CatalogError::message)
                .containsExactly(tuple("programmes[0].workflows[0].waves",
                        "list at least one wave, each with an 'audience'"));
        CatalogText text = withWaves("        target-team-size: 40\n        waves:\n"
                + "          - audience: { slack-channel: C0123ABCD }\n");
        assertThat(errors(text)).extracting(CatalogError::line, CatalogError::field, CatalogError::message)
                .containsExactly(tuple(text.lineOf("target-team-size: 40"),
                        "programmes[0].workflows[0].target-team-size",
                        "with 'waves', give 'target-team-size' on each wave instead"));
    }
}
