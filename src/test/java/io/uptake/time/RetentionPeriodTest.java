package io.uptake.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import org.junit.jupiter.api.Test;

class RetentionPeriodTest {

    @Test
    void aRetentionPeriodReadsMonthsYearsWeeksDaysAndIsoForm() {
        assertThat(RetentionPeriod.parse("s", "24m")).isEqualTo(Period.ofMonths(24));
        assertThat(RetentionPeriod.parse("s", "P24M")).isEqualTo(Period.ofMonths(24));
        assertThat(RetentionPeriod.parse("s", "2y")).isEqualTo(Period.ofYears(2));
        assertThat(RetentionPeriod.parse("s", "104w")).isEqualTo(Period.ofWeeks(104));
        assertThat(RetentionPeriod.parse("s", "400d")).isEqualTo(Period.ofDays(400));
    }

    @Test
    void aBadOrTooShortRetentionPeriodIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> RetentionPeriod.parse("uptake.retention.answers", "forever"))
                .hasMessageContaining("uptake.retention.answers");
        assertThatThrownBy(() -> RetentionPeriod.parse("uptake.retention.charts", "3d"))
                .hasMessageContaining("uptake.retention.charts").hasMessageContaining("at least 4 weeks");
    }
}
