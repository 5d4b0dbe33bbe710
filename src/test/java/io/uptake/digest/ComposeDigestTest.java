package io.uptake.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.message.DigestMessage;
import io.uptake.metrics.Cohorts;
import io.uptake.metrics.Figure;
import io.uptake.metrics.Figure.Source;
import io.uptake.metrics.Freshness;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.SeatCost;
import io.uptake.metrics.Verdict;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ComposeDigestTest {

    final ComposeDigest compose = new ComposeDigest(MetricsSettings.defaults(), emails -> java.util.Map.of());

    private Map<String, String> facts(Scores.Workflow workflow) {
        DigestMessage part = compose.compose(Scores.card("2026-W47", Scores.programme("p", "P", Verdict.LEVERAGE,
                List.of(workflow.build()))), ComposeDigest.SLACK_UNITS, null).get(0);
        return part.programmes().get(0).workflows().get(0).facts().stream()
                .collect(Collectors.toMap(DigestMessage.Fact::label, DigestMessage.Fact::value));
    }

    private List<String> flags(Scores.Workflow workflow) {
        return compose.compose(Scores.card("2026-W47", Scores.programme("p", "P", Verdict.LEVERAGE,
                List.of(workflow.build()))), ComposeDigest.SLACK_UNITS, null).get(0).programmes().get(0)
                .workflows().get(0).flags();
    }

    @Test
    void everyFigureOfARowIsWorded() {
        Map<String, String> facts = facts(Scores.workflow("w", "Triage"));

        assertThat(facts).containsEntry("Weekly active", "62% of 40 people, up from 55% (telemetry)")
                .containsEntry("Habit", "35% (n=40)")
                .containsEntry("Trust", "71/100 ↑ +4 pts (n=12)")
                .containsEntry("Response rate", "80% of 15")
                .containsEntry("Cycle time Δ", "−30% vs baseline (median 13 min)")
                .containsEntry("Stage", "production · 30 days in stage")
                .containsEntry("Outcome", "45% of target · on track · check-in current")
                .containsEntry("Owner", "jane@example.com");
    }

    @Test
    void aSuppressedFigureIsWordedAsHiddenNeverAsANumber() {
        Map<String, String> facts = facts(Scores.workflow("w", "Triage")
                .trust(Figure.suppressed(Source.PULSE), Figure.suppressed(Source.PULSE))
                .responsePercent(Figure.suppressed(Source.PULSE)));

        assertThat(facts.get("Trust")).isEqualTo("—  (fewer than 5 answers)");
        assertThat(facts.get("Response rate")).isEqualTo("—  (fewer than 5 answers)");
    }

    @Test
    void aUsageFigureHiddenForTooFewPeopleSpeaksOfPeopleNotAnswers() {
        Map<String, String> telemetry = facts(Scores.workflow("w", "Triage").usage(
                Figure.suppressed(Source.TELEMETRY), Figure.suppressed(Source.TELEMETRY)));
        Map<String, String> selfReport = facts(Scores.workflow("w", "Triage").usage(
                Figure.suppressed(Source.SELF_REPORT), Figure.suppressed(Source.SELF_REPORT)));

        assertThat(telemetry.get("Habit")).isEqualTo("—  (fewer than 5 people using it)");
        assertThat(telemetry.get("Weekly active")).isEqualTo("—  (fewer than 5 people using it)");
        assertThat(selfReport.get("Habit")).isEqualTo("—  (fewer than 5 people reporting their use)");
        assertThat(selfReport.get("Weekly active")).isEqualTo("—  (fewer than 5 people reporting their use)");
    }

    @Test
    void aFigureWithNoDataSaysWhy() {
        Map<String, String> facts = facts(Scores.workflow("w", "Triage").trust(Figure.noData(Source.PULSE),
                Figure.noData(Source.PULSE)));

        assertThat(facts.get("Trust")).isEqualTo("—  (no trust answers yet)");
    }

    @Test
    void theFourFlagsAreRaised() {
        List<String> flags = flags(Scores.workflow("w", "Triage").pilotFor(140)
                .checkin(OutcomeProgress.CheckinState.MISSED).responsePercent(Figure.shown(55, 20, Source.PULSE))
                .trustChange(Figure.shown(-16, 12, Source.PULSE)));

        assertThat(flags).containsExactly("Pilot for 140 days (over 90)", "Outcome check-in missed",
                "Response rate 55% (under 60%)", "Trust fell 16 points");
    }

    @Test
    void wauSaysHowOldItsTelemetryIsAndALateSourceIsTheFirstFlagWithWhy() {
        LocalDate asOf = LocalDate.parse("2026-12-05");
        int behind = 9;
        Scores.Workflow late = Scores.workflow("w", "Triage").pilotFor(140).freshness(new Freshness("github-copilot",
                "GitHub Copilot", asOf, behind, 2, true, false, true, List.of("usage data late")));

        assertThat(facts(late).get("Weekly active")).isEqualTo("62% of 40 people, up from 55% (telemetry) · data as of"
                + " 5 Dec");
        assertThat(flags(late)).containsExactly("Usage data is old: GitHub Copilot has delivered up to 5 Dec, "
                + behind + " days ago (usually within 2 days), so use since then is not counted yet. Its last pull "
                + "failed; an admin sees why on /health.", "Pilot for 140 days (over 90)");
    }

    @Test
    void aDayOfAnotherYearCarriesItsYear() {
        Scores.Workflow late = Scores.workflow("w", "Triage").freshness(new Freshness("file", "the usage files posted",
                LocalDate.parse("2025-12-30"), 4, 8, false, false, false, List.of()));

        assertThat(facts(late).get("Weekly active")).endsWith(" · data as of 30 Dec 2025");
        assertThat(flags(late)).isEmpty();
    }

    @Test
    void aSourceThatDeliveredNothingOrHidesNamesSaysSoToLeaders() {
        Scores.Workflow nothing = Scores.workflow("w", "Triage").usage(Figure.noData(Source.SELF_REPORT),
                Figure.noData(Source.SELF_REPORT)).freshness(new Freshness("csv:gemini", "the gemini CSV export", null,
                null, 8, true, false, false, List.of("usage data missing")));
        Scores.Workflow hidden = Scores.workflow("w", "Triage").freshness(new Freshness("microsoft-365-copilot",
                "Microsoft 365 Copilot", LocalDate.parse("2026-12-08"), 1, 5, false, true, false,
                List.of("usage hidden")));

        assertThat(facts(nothing).get("Weekly active")).isEqualTo("—  (no usage data yet) · no usage delivered yet");
        assertThat(flags(nothing)).containsExactly("No usage from the gemini CSV export yet: weekly active use cannot "
                + "count it until it delivers.");
        assertThat(flags(hidden)).containsExactly("Microsoft 365 hides user names: no usage can be counted until an "
                + "admin turns off concealed names in the Microsoft 365 admin center (Settings › Org settings › "
                + "Reports).");
    }

    @Test
    void aHealthyWorkflowHasNoFlags() {
        assertThat(flags(Scores.workflow("w", "Triage").pilotFor(90).trustChange(Figure.shown(-14, 12,
                Source.PULSE)))).isEmpty();
    }

    @Test
    void suppressedFiguresRaiseNoFlags() {
        assertThat(flags(Scores.workflow("w", "Triage").responsePercent(Figure.suppressed(Source.PULSE))
                .trust(Figure.suppressed(Source.PULSE), Figure.suppressed(Source.PULSE)))).isEmpty();
    }

    @Test
    void aLargeProgrammeIsSplitIntoPartsWithinTheUnitBudget() {
        List<DigestMessage> parts = compose.compose(Scores.large(60, 200), ComposeDigest.SLACK_UNITS, null);

        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(p -> assertThat(p.programmes().stream().mapToInt(g -> ComposeDigest.HEADING_UNITS
                + g.workflows().size()).sum()).isLessThanOrEqualTo(ComposeDigest.SLACK_UNITS));
        assertThat(parts.stream().mapToInt(p -> p.programmes().stream().mapToInt(g -> g.workflows().size()).sum())
                .sum()).isEqualTo(60);
        assertThat(parts.get(1).programmes().get(0).continued()).isTrue();
        assertThat(parts).extracting(DigestMessage::part, DigestMessage::parts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(2, 2));
    }

    @Test
    void manySmallProgrammesShareParts() {
        Scores.Workflow one = Scores.workflow("w", "Triage");
        var programmes = java.util.stream.IntStream.range(0, 30).mapToObj(i -> Scores.programme("p" + i, "P" + i,
                Verdict.EMERGING, List.of(one.build()))).toArray(io.uptake.metrics.ProgrammeScore[]::new);

        List<DigestMessage> parts = compose.compose(Scores.card("2026-W47", programmes), ComposeDigest.SLACK_UNITS,
                null);

        assertThat(parts).hasSize(3);
        assertThat(parts.stream().mapToInt(p -> p.programmes().size()).sum()).isEqualTo(30);
        assertThat(parts).allSatisfy(p -> assertThat(p.programmes()).noneMatch(DigestMessage.Programme::continued));
    }

    @Test
    void theChartAddressGoesInTheFirstPartOnly() {
        List<DigestMessage> parts = compose.compose(Scores.large(60, 20), ComposeDigest.SLACK_UNITS,
                "https://uptake.example.com/charts/abc.png");

        assertThat(parts.get(0).chartUrl()).isEqualTo("https://uptake.example.com/charts/abc.png");
        assertThat(parts.get(1).chartUrl()).isNull();
    }

    @Test
    void theLastCompleteWeekBeforeAMondayIsTheWeekJustEnded() {
        assertThat(DigestWeek.lastCompleteBefore(java.time.LocalDate.parse("2026-11-23")).name()).isEqualTo("2026-W47");
        assertThat(DigestWeek.lastCompleteBefore(java.time.LocalDate.parse("2026-11-22")).name()).isEqualTo("2026-W46");
        assertThat(DigestWeek.parse("2026-W47")).contains(DigestWeek.of(java.time.LocalDate.parse("2026-11-16")));
        assertThat(DigestWeek.parse("2026-W54")).isEmpty();
    }

    @Test
    void cohortsStoppingAndSeatCostShareOneLine() {
        assertThat(facts(Scores.workflow("w", "Triage")).get("Days of use")).isEqualTo("heavy (4+ days) 25%"
                + " · moderate (2–3 days) 25% · light (1 day) 20% · none 30% of 40 (telemetry) · stopped 10%"
                + " · 8.74 USD a week per active user · 22 of 50 seats idle");
    }

    @Test
    void hiddenCohortsAndASuppressedSeatCostAreWordedNeverNumbered() {
        Figure hidden = Figure.suppressed(Source.TELEMETRY);
        Cohorts some = new Cohorts(Figure.shown(25, 20, Source.TELEMETRY), hidden, hidden,
                Figure.shown(35, 20, Source.TELEMETRY), hidden, Figure.shown(20, 20, Source.TELEMETRY), 2, 4);
        SeatCost cost = new SeatCost("csv:chatgpt", 13, "EUR", new BigDecimal("29.90"), hidden, hidden);

        String line = facts(Scores.workflow("w", "Triage").use(some, cost)).get("Days of use");

        assertThat(line).isEqualTo("heavy (5+ days) 35% · moderate (3–4 days) hidden · light (1–2 days) hidden"
                + " · none 25% of 20 (telemetry) · passive 20% · cost per active user hidden (fewer than 5 active)");
    }

    @Test
    void cohortsAllHiddenOrWithoutDataSayWhy() {
        Figure hidden = Figure.suppressed(Source.SELF_REPORT);
        Figure none = Figure.noData(Source.SELF_REPORT);
        Cohorts suppressed = new Cohorts(hidden, hidden, hidden, hidden, hidden, none, 1, 3);
        Cohorts empty = new Cohorts(none, none, none, none, none, none, 1, 3);

        assertThat(facts(Scores.workflow("w", "Triage").use(suppressed, null)).get("Days of use"))
                .isEqualTo("—  (a group of fewer than 5 people)");
        assertThat(facts(Scores.workflow("w", "Triage").use(empty, null)).get("Days of use"))
                .isEqualTo("—  (no usage data yet)");
    }
}
