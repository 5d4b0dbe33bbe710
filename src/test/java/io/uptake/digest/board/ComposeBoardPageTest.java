package io.uptake.digest.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.Effect;
import io.uptake.metrics.Figure;
import io.uptake.metrics.Figure.Source;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.OwnerDecision;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.Verdict;
import io.uptake.metrics.WorkflowScore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The board page's words from three hand-built weekly scorecards of 2026-Q4, every expectation worked out here: the
 * triage workflow claims 133.5 claims against a baseline of 120 and a target of 150, (133.5 − 120) ÷ (150 − 120) =
 * 45 % of the way; its system of record measured 125, (133.5 − 125) ÷ 125 = 6.8 % apart.
 */
class ComposeBoardPageTest {

    static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    static final LocalDate LAST = LocalDate.of(2026, 12, 31);

    static WorkflowScore workflow(String id, String name, Verdict verdict, Figure wau, OutcomeProgress outcome) {
        Figure none = Figure.noData(Source.PULSE);
        return new WorkflowScore(id, "claims-ai", name, "pilot", 40, "jane@example.com", 40, wau, wau,
                none, none, none, List.of(), none, none, none, none, outcome, verdict, List.of("a reason"),
                List.of(), List.of());
    }

    static OutcomeProgress triageOutcome() {
        return new OutcomeProgress("Claims closed per FTE", "claims", "up", new BigDecimal("120"),
                new BigDecimal("150"), new BigDecimal("133.5"), Figure.shown(45, 1, Source.CHECKIN), "on_track", 7,
                12, OutcomeProgress.CheckinState.CURRENT, new BigDecimal("133.5"), new BigDecimal("125"),
                LocalDate.of(2026, 10, 14), 6.8, false);
    }

    static Scorecard week(String week, Verdict programme, WorkflowScore... workflows) {
        return new Scorecard(week, List.of(new ProgrammeScore("claims-ai", "Claims AI", "cfo@example.com", programme,
                List.of("owner jane@example.com has no check-in this quarter", "WAU 45% of a 40-person team"),
                Figure.shown(50, 2, Source.CATALOGUE), List.of(workflows))));
    }

    static List<Scorecard> quarter() {
        OwnerDecision fix = new OwnerDecision("fix", LocalDate.of(2026, 10, 9), "habit falling");
        OwnerDecision scale = new OwnerDecision("scale", LocalDate.of(2026, 10, 16), null);
        Effect estimate = new Effect.Estimate(-4.25, -6.0, -2.5, 0.95, 20.0, -21.25, 38, 10, "difference in "
                + "differences across waves");
        Effect none = new Effect.NotEstimable(Effect.Reason.NO_DATA, "There are no weekly values to measure "
                + "yet.");
        Figure hidden = Figure.suppressed(Source.PULSE);
        return List.of(
                week("2026-W40", Verdict.ACTIVITY, workflow("triage", "Claims triage", Verdict.ACTIVITY,
                        Figure.shown(20, 8, Source.TELEMETRY), triageOutcome())),
                week("2026-W41", Verdict.EMERGING, workflow("triage", "Claims triage", Verdict.EMERGING,
                                Figure.shown(45.4, 18, Source.TELEMETRY), triageOutcome())
                                .withOperatingModel(fix, List.of(), List.of()),
                        workflow("ledger", "Ledger", Verdict.EMERGING, hidden, null)),
                week("2026-W42", Verdict.EMERGING, workflow("triage", "Claims triage", Verdict.LEVERAGE,
                                Figure.shown(62.5, 25, Source.TELEMETRY), triageOutcome()).withEffect(estimate)
                                .withOperatingModel(scale, List.of(), List.of()),
                        workflow("ledger", "Ledger", Verdict.ACTIVITY, hidden, null).withEffect(none)));
    }

    static BoardPage page() {
        return ComposeBoardPage.compose("claims-ai", "2026-Q4", FIRST, LAST, quarter(),
                Map.of("triage", new ComposeBoardPage.Evidence("2026-Q4", "https://wiki.example.com/q4",
                        "finance-ledger")), new ComposeBoardPage.People("owner@example.com", "cfo@example.com"));
    }

    @Test
    void theHeaderNamesOwnerSponsorAndTheProgrammeVerdictWithItsFirstReason() {
        BoardPage page = page();

        assertThat(page.title()).isEqualTo("Claims AI · board summary 2026-Q4");
        assertThat(page.subtitle()).isEqualTo("Quarter 2026-Q4 · 1 Oct 2026 to 31 Dec 2026 · weeks 2026-W40 to "
                + "2026-W42");
        assertThat(page.header()).containsExactly("Owner: owner@example.com · Sponsor: cfo@example.com",
                "Programme verdict at the quarter's end (2026-W42): EMERGING, first reason: owner jane@example.com "
                        + "has no check-in this quarter");
    }

    @Test
    void theVerdictHistoryHasTheProgrammeAndEachWorkflowWeekByWeekWithWau() {
        List<BoardPage.HistoryRow> history = page().history();

        assertThat(history).extracting(BoardPage.HistoryRow::name).containsExactly("Programme", "Claims triage",
                "Ledger");
        assertThat(history.get(0).cells()).extracting(BoardPage.Cell::text).containsExactly("A", "E", "E");
        // 20 → 20 %, 45.4 → 45 %, 62.5 → 63 % (half up).
        assertThat(history.get(1).cells()).extracting(BoardPage.Cell::text).containsExactly("A 20%", "E 45%",
                "L 63%");
        assertThat(history.get(1).cells()).extracting(BoardPage.Cell::verdict).containsExactly(Verdict.ACTIVITY,
                Verdict.EMERGING, Verdict.LEVERAGE);
        // Not there in W40; hidden WAU is a star, never a number.
        assertThat(history.get(2).cells()).extracting(BoardPage.Cell::text).containsExactly("–", "E *", "A *");
    }

    @Test
    void eachWorkflowHasItsOutcomeClaimedAgainstMeasuredEvidenceEffectAndDecisions() {
        List<BoardPage.WorkflowPart> parts = page().workflows();

        assertThat(parts.get(0).name()).isEqualTo("Claims triage (pilot, owner jane@example.com)");
        assertThat(parts.get(0).verdict()).isEqualTo("LEVERAGE");
        assertThat(parts.get(0).lines()).containsExactly(
                "Outcome: Claims closed per FTE, up, baseline 120 claims → target 150 claims",
                "Claimed 133.5 (on track, confidence 7/10), 45% of the way to target · Measured 125 on 14 Oct 2026, "
                        + "6.8% apart",
                "Evidence: https://wiki.example.com/q4 (check-in 2026-Q4) · Measured by: finance-ledger",
                // −4.25 → −4.3 min, −21.25 % → −21.3 % (half up, away from zero).
                "Effect of going live on cycle time: −4.3 min (−21.3%), 95% interval −6 to −2.5 min; 38 people, "
                        + "10 weeks",
                "Decisions: fix on 9 Oct 2026 (asked: habit falling); scale on 16 Oct 2026");
        assertThat(parts.get(1).lines()).containsExactly("Outcome: none declared",
                // The reason, a sentence of its own, keeps its capital after a full stop.
                "Effect of going live on cycle time: no estimate. There are no weekly values to measure yet.",
                "Decisions: no decision recorded this quarter");
    }

    @Test
    void whatIsMissingIsSaidPlainly() {
        assertThat(ComposeBoardPage.effect(null)).isEqualTo("Effect of going live on cycle time: no effect "
                + "estimate yet");
        WorkflowScore before = workflow("triage", "Claims triage", Verdict.EMERGING, Figure.shown(1, 1,
                Source.TELEMETRY), null).withOperatingModel(new OwnerDecision("stop", LocalDate.of(2026, 9, 2),
                null), List.of(), List.of());
        assertThat(ComposeBoardPage.decisions(List.of(before), FIRST, LAST)).isEqualTo("Decisions: no decision "
                + "recorded this quarter (last: stop on 2 Sep 2026)");
        OutcomeProgress unchecked = new OutcomeProgress("Claims closed per FTE", "claims", "up",
                new BigDecimal("120"), new BigDecimal("150"), null, Figure.noData(Source.CHECKIN), null, null, null,
                OutcomeProgress.CheckinState.DUE);
        BoardPage page = ComposeBoardPage.compose("claims-ai", "2026-Q4", FIRST, LAST, List.of(week("2026-W40",
                        Verdict.ACTIVITY, workflow("triage", "Claims triage", Verdict.ACTIVITY,
                                Figure.shown(20, 8, Source.TELEMETRY), unchecked))), Map.of(),
                new ComposeBoardPage.People(null, "cfo@example.com"));
        assertThat(page.header().get(0)).isEqualTo("Owner: none named (the sponsor stands in) · Sponsor: "
                + "cfo@example.com");
        assertThat(page.workflows().get(0).lines()).contains("Claimed: no check-in yet · Measured: no value from a "
                + "system of record", "Evidence: no link given with the check-in · Measured by: no system of "
                + "record yet");
    }

    @Test
    void aQuarterWithoutAnyScoredWeekSaysSo() {
        BoardPage page = ComposeBoardPage.compose("claims-ai", "2026-Q4", FIRST, LAST, List.of(), Map.of(),
                new ComposeBoardPage.People(null, "cfo@example.com"));

        assertThat(page.lines()).contains("Claims-ai · board summary 2026-Q4".replace("Claims-ai", "claims-ai"),
                "Quarter 2026-Q4 · 1 Oct 2026 to 31 Dec 2026 · no complete week yet",
                "Programme verdict: not scored in this quarter",
                "No workflow of this programme was scored in 2026-Q4.");
    }
}
