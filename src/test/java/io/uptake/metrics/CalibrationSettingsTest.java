package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calibration thresholds as configuration gives them, and a setting that overlaps refused at startup. */
class CalibrationSettingsTest {

    @Test
    void theDefaultsAreSixtyFortyThirtyAndTen() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url",
                "target/calibration-defaults.db"), "test")) {
            assertThat(context.getBean(CalibrationSettings.class)).isEqualTo(new CalibrationSettings(60, 40, 30, 10));
        }
    }

    @Test
    void theThresholdsAreReadFromConfiguration() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url",
                "target/calibration-set.db", "uptake.metrics.calibration.high-trust", 70,
                "uptake.metrics.calibration.low-trust", 30, "uptake.metrics.calibration.frequent-corrections", 25,
                "uptake.metrics.calibration.rare-corrections", 5), "test")) {
            assertThat(context.getBean(CalibrationSettings.class)).isEqualTo(new CalibrationSettings(70, 30, 25, 5));
        }
    }

    @Test
    void overlappingThresholdsStopTheServiceAtStartup() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url",
                "target/calibration-refused.db", "uptake.metrics.calibration.low-trust", 70), "test"))
                .hasStackTraceContaining("low-trust is 70 and high-trust 60");
    }
}
