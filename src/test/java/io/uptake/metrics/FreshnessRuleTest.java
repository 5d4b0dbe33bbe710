package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The lag boundary of each source kind, and what a late, empty or anonymised source says. */
class FreshnessRuleTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-10");
    final ExpectedLags lags = ExpectedLags.defaults();

    @Test
    void aSourceExactlyItsLagBehindIsOnTimeAndOneDayMoreIsLate() {
        for (String source : new String[] {"github-copilot", "microsoft-365-copilot", "csv:chatgpt", "file"}) {
            int lag = lags.days(source);
            Freshness onTime = FreshnessRule.judge(source, TODAY.minusDays(lag), false, false, TODAY, lag);
            Freshness late = FreshnessRule.judge(source, TODAY.minusDays(lag + 1), false, false, TODAY, lag);

            assertThat(onTime.stale()).as(source).isFalse();
            assertThat(onTime.daysBehind()).isEqualTo(lag);
            assertThat(onTime.notes()).isEmpty();
            assertThat(late.stale()).as(source).isTrue();
            assertThat(late.daysBehind()).isEqualTo(lag + 1);
            assertThat(late.notes()).singleElement().asString().startsWith("usage data late")
                    .contains(TODAY.minusDays(lag + 1).toString()).contains((lag + 1) + " days ago");
        }
    }

    @Test
    void theDefaultLagsAreTwoFiveAndEightDays() {
        assertThat(lags.days("github-copilot")).isEqualTo(2);
        assertThat(lags.days("microsoft-365-copilot")).isEqualTo(5);
        assertThat(lags.days("csv:gemini")).isEqualTo(8);
        assertThat(lags.days("file")).isEqualTo(8);
    }

    @Test
    void aSourceThatDeliveredNothingIsLateWithoutADay() {
        Freshness f = FreshnessRule.judge("github-copilot", null, false, true, TODAY, 2);

        assertThat(f.stale()).isTrue();
        assertThat(f.dataAsOf()).isNull();
        assertThat(f.daysBehind()).isNull();
        assertThat(f.notes()).containsExactly(
                "usage data missing: GitHub Copilot has delivered no usage yet; its last pull failed");
    }

    @Test
    void anAnonymisedSourceIsFlaggedEvenWhenOnTime() {
        Freshness f = FreshnessRule.judge("microsoft-365-copilot", TODAY.minusDays(1), true, false, TODAY, 5);

        assertThat(f.stale()).isFalse();
        assertThat(f.anonymised()).isTrue();
        assertThat(f.notes()).singleElement().asString().startsWith("usage hidden: Microsoft 365 Copilot");
    }

    @Test
    void aLagBelowOneDayStopsTheServiceWithAMessage() {
        assertThatThrownBy(() -> new ExpectedLags(0, 5, 8, 8)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("uptake.usage.expected-lag.github-copilot is 0");
    }
}
