package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rollout waves on the scorecard of the week of Monday 9 Nov 2026, against figures worked out by hand: a wave counts
 * from the ISO week of its go-live on, the workflow's team is the sum of its live waves' teams, and each wave has its
 * own WAU through the same anonymity rules.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardWavesTest {

    static final LocalDate WEEK = LocalDate.parse("2026-11-09");

    @Inject
    DataSource dataSource;

    @Inject
    ComputeScorecard compute;

    Scorecard card;
    History h;
    int people;

    @BeforeAll
    void seed() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            h = History.on(c);
            h.programme("waves", "Waves");
            // rolled: wave 1 an emails list of 10 (target 10), wave 2 a channel of 8 synced members going live on
            // Wednesday 11 Nov (this week), wave 3 a team of 6 (target 6) going live next Monday.
            h.workflow("rolled", "waves", "Rolled", "production", LocalDate.parse("2026-06-01"), 10, null);
            long[] p = people(10);
            long[] q = people(8);
            long[] r = people(6);
            h.wave("rolled", 1, "emails", null, 10, p);
            h.wave("rolled", 2, "slack-channel", LocalDate.parse("2026-11-11"), 0, q);
            h.wave("rolled", 3, "teams-team", LocalDate.parse("2026-11-16"), 6, r);
            for (int i = 0; i < 4; i++) {
                h.usage("rolled", p[i], WEEK, 1, "telemetry");
            }
            for (int i = 0; i < 6; i++) {
                h.usage("rolled", q[i], WEEK.plusDays(1), 1, "telemetry");
            }
            for (int i = 0; i < 3; i++) {
                h.usage("rolled", r[i], WEEK, 1, "telemetry");
            }
            for (int i = 0; i < 5; i++) {
                h.usage("rolled", p[i], WEEK.minusWeeks(1), 1, "telemetry");
            }
            for (long person : q) {
                h.usage("rolled", person, WEEK.minusWeeks(1), 1, "telemetry");
            }
            // reported: wave 1 of 10 (target 10) with six reporters all using it; wave 2, live since October, three
            // reporters of whom two use it: too few to show on its own.
            h.workflow("reported", "waves", "Reported", "pilot", LocalDate.parse("2026-06-01"), 10, null);
            long[] a = people(10);
            long[] b = people(3);
            h.wave("reported", 1, "emails", null, 10, a);
            h.wave("reported", 2, "slack-usergroup", LocalDate.parse("2026-10-05"), 0, b);
            for (int i = 0; i < 6; i++) {
                h.usage("reported", a[i], WEEK, 1, "self_report");
            }
            h.usage("reported", b[0], WEEK, 1, "self_report");
            h.usage("reported", b[1], WEEK, 1, "self_report");
            h.usage("reported", b[2], WEEK, 0, "self_report");
            // trusted: confidential answers by wave. Wave 1 (6 people, live) and wave 2 (3 people, live since
            // October) answer this week's round; wave 3 (5 people) goes live next Monday and answered two
            // pre-rollout rounds. An anonymous pulse's answers and a person in no wave count in no wave.
            h.workflow("trusted", "waves", "Trusted", "pilot", LocalDate.parse("2026-06-01"), 0, null);
            long[] t1 = people(6);
            long[] t2 = people(3);
            long[] t3 = people(5);
            long outsider = people(1)[0];
            h.wave("trusted", 1, "emails", null, 0, t1);
            h.wave("trusted", 2, "slack-channel", LocalDate.parse("2026-10-05"), 0, t2);
            h.wave("trusted", 3, "teams-team", LocalDate.parse("2026-11-16"), 0, t3);
            h.pulse("trusted-pulse", "trusted", "confidential");
            long round = h.round("trusted-pulse", WEEK.plusDays(1), "confidential");
            int[] trust1 = {5, 4, 4, 3, 5, 2};
            int[] cycle1 = {30, 20, 40, 50, 10, 60};
            for (int i = 0; i < 6; i++) {
                h.answer(round, t1[i], "trust", trust1[i], null, WEEK.plusDays(1));
                h.answer(round, t1[i], "cycle-time", null, java.math.BigDecimal.valueOf(cycle1[i]), WEEK.plusDays(1));
            }
            for (int i = 0; i < 3; i++) {
                h.answer(round, t2[i], "trust", 5, null, WEEK.plusDays(1));
                h.answer(round, t2[i], "cycle-time", null, java.math.BigDecimal.TEN, WEEK.plusDays(1));
            }
            h.answer(round, t3[0], "trust", 1, null, WEEK.plusDays(1));
            h.answer(round, outsider, "trust", 1, null, WEEK.plusDays(1));
            long early = h.preRolloutRound("trusted-pulse", LocalDate.parse("2026-10-20"));
            long late = h.preRolloutRound("trusted-pulse", LocalDate.parse("2026-11-03"));
            for (long person : t3) {
                h.answer(early, person, "cycle-time", null, java.math.BigDecimal.valueOf(100), LocalDate.parse(
                        "2026-10-20"));
            }
            int[] cycle3 = {50, 60, 70, 80};
            for (int i = 0; i < 4; i++) {
                h.answer(late, t3[i], "cycle-time", null, java.math.BigDecimal.valueOf(cycle3[i]),
                        LocalDate.parse("2026-11-03"));
            }
            h.pulse("trusted-anon", "trusted", "anonymous");
            long anonymous = h.round("trusted-anon", WEEK.plusDays(1), "anonymous");
            for (int i = 0; i < 6; i++) {
                h.answer(anonymous, null, "trust", 1, null, WEEK.plusDays(1));
            }
            // anon: two waves of 5, whose ten people answer trust 4 in an anonymous pulse only.
            h.workflow("anon", "waves", "Anon", "pilot", LocalDate.parse("2026-06-01"), 0, null);
            h.wave("anon", 1, "emails", null, 0, people(5));
            h.wave("anon", 2, "slack-channel", LocalDate.parse("2026-10-05"), 0, people(5));
            h.pulse("anon-pulse", "anon", "anonymous");
            long anonRound = h.round("anon-pulse", WEEK.plusDays(1), "anonymous");
            for (int i = 0; i < 10; i++) {
                h.answer(anonRound, null, "trust", 4, null, WEEK.plusDays(1));
            }
            // single: one audience as ever, 5 of 20 active.
            h.workflow("single", "waves", "Single", "pilot", LocalDate.parse("2026-06-01"), 20, null);
            long[] s = people(20);
            h.audience("single", s);
            for (int i = 0; i < 5; i++) {
                h.usage("single", s[i], WEEK, 1, "telemetry");
            }
        }
        card = compute.forWeek(WEEK, List.of());
    }

    private long[] people(int n) throws SQLException {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = h.person("w" + people++ + "@example.com");
        }
        return ids;
    }

    private WorkflowScore workflow(String id) {
        return card.programmes().get(0).workflows().stream().filter(w -> w.workflowId().equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void theWorkflowCountsTheWavesLiveThatWeekAndTheirTeams() {
        WorkflowScore w = workflow("rolled");

        // 10 (wave 1's target) + 8 (wave 2's synced members) = 18; active 4 + 6 = 10; 10 / 18 = 55.6 %.
        assertThat(w.teamSize()).isEqualTo(new TeamSize(18, TeamSize.Basis.SYNCED_MEMBERS));
        assertThat(w.wauPercent()).isEqualTo(Figure.shown(55.6, 18, Figure.Source.TELEMETRY));
        // The week before, wave 2 was not live: 5 of wave 1's 10, the channel's 8 users not counted.
        assertThat(w.wauPercentPrevious()).isEqualTo(Figure.shown(50.0, 10, Figure.Source.TELEMETRY));
    }

    @Test
    void eachWaveHasItsOwnTeamAndWauAndAWaveNotLiveHasNone() {
        List<WaveScore> waves = workflow("rolled").waves();

        assertThat(waves).extracting(WaveScore::wave, WaveScore::audienceKind, WaveScore::live, WaveScore::teamSize,
                        WaveScore::wauPercent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "emails", true, new TeamSize(10, TeamSize.Basis.TARGET),
                                Figure.shown(40.0, 10, Figure.Source.TELEMETRY)),
                        org.assertj.core.groups.Tuple.tuple(2, "slack-channel", true,
                                new TeamSize(8, TeamSize.Basis.SYNCED_MEMBERS),
                                Figure.shown(75.0, 8, Figure.Source.TELEMETRY)),
                        org.assertj.core.groups.Tuple.tuple(3, "teams-team", false,
                                new TeamSize(6, TeamSize.Basis.TARGET), Figure.noData(Figure.Source.TELEMETRY)));
        assertThat(waves.get(1).goLive()).isEqualTo(LocalDate.parse("2026-11-11"));
        assertThat(waves.get(0).goLive()).isNull();
    }

    @Test
    void aWaveWithTooFewReportersIsSuppressedWhileTheWorkflowShowsAll() {
        WorkflowScore w = workflow("reported");

        // Workflow: 6 + 2 active of 10 + 3 = 13 → 61.5 %, resting on 9 reporters.
        assertThat(w.wauPercent()).isEqualTo(Figure.shown(61.5, 9, Figure.Source.SELF_REPORT));
        assertThat(w.waves()).extracting(WaveScore::wauPercent).containsExactly(
                Figure.shown(60.0, 6, Figure.Source.SELF_REPORT), Figure.suppressed(Figure.Source.SELF_REPORT));
    }

    @Test
    void eachWaveHasTheTrustAndCycleTimeOfItsMembersConfidentialAnswers() {
        List<WaveScore> waves = workflow("trusted").waves();

        // Wave 1: 5, 4, 4, 3, 5, 2 → 100, 75, 75, 50, 100, 25 = 425 / 6 = 70.83 → 70.8 on 6 answers; the anonymous
        // pulse's six 1s and the outsider's 1 count in no wave. Cycle: 10 20 30 | 40 50 60 → (30 + 40) / 2 = 35.
        assertThat(waves.get(0).trustIndex()).isEqualTo(Figure.shown(70.8, 6, Figure.Source.PULSE));
        assertThat(waves.get(0).cycleTimeMedian()).isEqualTo(Figure.shown(35.0, 6, Figure.Source.PULSE));
        // Wave 2: 3 answers, below min-respondents (5): both suppressed.
        assertThat(waves.get(1).trustIndex()).isEqualTo(Figure.suppressed(Figure.Source.PULSE));
        assertThat(waves.get(1).cycleTimeMedian()).isEqualTo(Figure.suppressed(Figure.Source.PULSE));
        // Wave 3, not live: no trust (its member's 1 this week is not counted); its cycle time is its pre-rollout
        // baseline, each person's latest answer: 50, 60, 70, 80 (3 Nov) and 100 (20 Oct) → median 70 on 5.
        assertThat(waves.get(2).live()).isFalse();
        assertThat(waves.get(2).trustIndex()).isEqualTo(Figure.noData(Figure.Source.PULSE));
        assertThat(waves.get(2).cycleTimeMedian()).isEqualTo(Figure.shown(70.0, 5, Figure.Source.PULSE));
    }

    @Test
    void anAnonymousPulseGivesNoWaveATrustIndex() {
        // The workflow's ten answers of 4 (75) show; no answer says who gave it, so no wave has any.
        assertThat(workflow("anon").trustIndex()).isEqualTo(Figure.shown(75.0, 10, Figure.Source.PULSE));
        assertThat(workflow("anon").waves()).extracting(WaveScore::trustIndex, WaveScore::cycleTimeMedian)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(Figure.noData(Figure.Source.PULSE),
                        Figure.noData(Figure.Source.PULSE)));
    }

    @Test
    void aSingleAudienceHasNoWavesAndItsFiguresAsEver() {
        WorkflowScore w = workflow("single");

        assertThat(w.waves()).isEmpty();
        assertThat(w.teamSize()).isEqualTo(new TeamSize(20, TeamSize.Basis.TARGET));
        assertThat(w.wauPercent()).isEqualTo(Figure.shown(25.0, 20, Figure.Source.TELEMETRY));
    }
}
