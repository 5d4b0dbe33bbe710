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
    void aSingleAudienceHasNoWavesAndItsFiguresAsEver() {
        WorkflowScore w = workflow("single");

        assertThat(w.waves()).isEmpty();
        assertThat(w.teamSize()).isEqualTo(new TeamSize(20, TeamSize.Basis.TARGET));
        assertThat(w.wauPercent()).isEqualTo(Figure.shown(25.0, 20, Figure.Source.TELEMETRY));
    }
}
