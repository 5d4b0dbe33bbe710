package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uptake.catalog.CheckinPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Claimed vs measured: the gap is (claimed − measured) ÷ |measured| in percent, and a gap strictly above the set
 * share (10 % by default) is flagged. Every expected figure here is worked out by hand in the comment beside it.
 */
class OutcomeGapTest {

    static final BigDecimal TEN = BigDecimal.TEN;

    @ParameterizedTest(name = "claimed {0}, measured {1}: {2} %, flagged {3}")
    @CsvSource({
        // 3 ÷ 44 = 0.06818… → 6.8 %, under 10.
        "47, 44, 6.8, false",
        // 5 ÷ 50 = exactly 10 %: on the threshold, not above it.
        "55, 50, 10.0, false",
        // 5.01 ÷ 50 = 10.02 %: shown as 10.0 once rounded, but above the threshold, so flagged.
        "55.01, 50, 10.0, true",
        // −4 ÷ 40 = −10 %: a claim below the measurement by exactly the share is not flagged either.
        "36, 40, -10.0, false",
        // −4.1 ÷ 40 = −10.25 % → −10.3 (half up away from zero), flagged.
        "35.9, 40, -10.3, true",
        // 20 ÷ 100 = 20 %.
        "120, 100, 20.0, true",
        // −1 ÷ 8 = −12.5 %.
        "7, 8, -12.5, true",
        // A negative measured value: (−40 − −50) ÷ |−50| = 10 ÷ 50 = 20 %.
        "-40, -50, 20.0, true",
        // The same value: 0 %.
        "44, 44, 0.0, false"})
    void theGapIsTheDifferenceOverTheMeasuredValue(String claimed, String measured, double percent,
                                                   boolean flagged) {
        Outcomes.Gap gap = Outcomes.gap(new BigDecimal(claimed), new BigDecimal(measured), TEN);

        assertThat(gap.percent()).isEqualTo(percent);
        assertThat(gap.flagged()).isEqualTo(flagged);
    }

    @Test
    void aMeasuredZeroHasNoPercentageButAnyOtherClaimBesideItIsFlagged() {
        assertThat(Outcomes.gap(new BigDecimal("5"), BigDecimal.ZERO, TEN)).isEqualTo(new Outcomes.Gap(null, true));
        assertThat(Outcomes.gap(BigDecimal.ZERO, BigDecimal.ZERO, TEN)).isEqualTo(new Outcomes.Gap(null, false));
    }

    @Test
    void withoutAClaimOrAMeasurementThereIsNoGap() {
        assertThat(Outcomes.gap(null, TEN, TEN)).isEqualTo(new Outcomes.Gap(null, false));
        assertThat(Outcomes.gap(TEN, null, TEN)).isEqualTo(new Outcomes.Gap(null, false));
    }

    @Test
    void aHigherShareLetsTheSameGapPass() {
        // 20 ÷ 100 = 20 %: above 10 and 19.99, not above 20.
        assertThat(Outcomes.gap(new BigDecimal("120"), new BigDecimal("100"), new BigDecimal("19.99")).flagged())
                .isTrue();
        assertThat(Outcomes.gap(new BigDecimal("120"), new BigDecimal("100"), new BigDecimal("20")).flagged())
                .isFalse();
    }

    @Test
    void theProgressCarriesTheLatestClaimBesideTheMeasurementAndTheFlagSaysBoth() {
        var cycle = new CheckinReads.Cycle(1, "2026-Q4", Instant.parse("2026-11-23T09:00:00Z"), null, null);
        var checkin = new CheckinReads.Checkin(1, new BigDecimal("47"), "on_track", 8,
                Instant.parse("2026-11-24T10:00:00Z"));
        var outcome = new CatalogueReads.OutcomeFacts("Invoices per FTE", "invoices", "up", new BigDecimal("40"),
                new BigDecimal("50"));
        var measured = new OutcomeValueReads.Measured(LocalDate.parse("2026-11-30"), new BigDecimal("40"));

        OutcomeProgress p = Outcomes.progress(outcome, new CheckinReads.CheckinFacts(List.of(cycle),
                List.of(checkin)), LocalDate.parse("2026-12-06"), CheckinPolicy.DEFAULT, measured,
                OutcomeGapSettings.defaults());

        // 7 ÷ 40 = 17.5 %.
        assertThat(p.claimed()).isEqualByComparingTo("47");
        assertThat(p.current()).isEqualByComparingTo("47");
        assertThat(p.measured()).isEqualByComparingTo("40");
        assertThat(p.measuredOn()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(p.gapPercent()).isEqualTo(17.5);
        assertThat(p.gapFlagged()).isTrue();
        assertThat(OutcomeGapWording.claimedVsMeasured(p)).isEqualTo("claimed 47, measured 40 on 30 Nov");
        WorkflowScore score = VerdictsTest.workflow(Figure.shown(60, 40, Figure.Source.TELEMETRY), p, "pilot", 10);
        assertThat(new Verdicts(MetricsSettings.defaults()).flags(score))
                .containsExactly("outcome claimed 47, measured 40 on 30 Nov: 17.5% apart (over 10%)");
    }

    @Test
    void aMeasurementWithoutACheckinHasNoClaimAndNoGap() {
        var outcome = new CatalogueReads.OutcomeFacts("m", "u", "up", BigDecimal.ONE, TEN);
        OutcomeProgress p = Outcomes.progress(outcome, new CheckinReads.CheckinFacts(List.of(), List.of()),
                LocalDate.parse("2026-12-06"), CheckinPolicy.DEFAULT,
                new OutcomeValueReads.Measured(LocalDate.parse("2026-12-01"), new BigDecimal("3")),
                OutcomeGapSettings.defaults());

        assertThat(p.claimed()).isNull();
        assertThat(p.measured()).isEqualByComparingTo("3");
        assertThat(p.gapPercent()).isNull();
        assertThat(p.gapFlagged()).isFalse();
        assertThat(OutcomeGapWording.claimedVsMeasured(p)).isNull();
    }

    @Test
    void theShareMustBeAboveZeroAndAtMostAThousandPercent() {
        assertThat(new OutcomeGapSettings(new BigDecimal("12.5")).percent()).isEqualByComparingTo("12.5");
        assertThat(OutcomeGapSettings.defaults().percent()).isEqualByComparingTo("10");
        for (String bad : List.of("0", "-5", "1000.01")) {
            assertThatThrownBy(() -> new OutcomeGapSettings(new BigDecimal(bad)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("outcome-gap.percent");
        }
    }
}
