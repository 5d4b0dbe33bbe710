package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsMinutesHoursDaysAndWeeks() {
        assertThat(Durations.parse("90m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("24h")).contains(Duration.ofHours(24));
        assertThat(Durations.parse("2d")).contains(Duration.ofDays(2));
        assertThat(Durations.parse("1w")).contains(Duration.ofDays(7));
    }

    @Test
    void refusesZeroNegativeUnitlessAndUnknownUnits() {
        assertThat(Durations.parse("0h")).isEmpty();
        assertThat(Durations.parse("-1d")).isEmpty();
        assertThat(Durations.parse("24")).isEmpty();
        assertThat(Durations.parse("3x")).isEmpty();
        assertThat(Durations.parse("1 d")).isEmpty();
    }

    @Test
    void writesTheLargestWholeUnitUpToDays() {
        assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    }
}
