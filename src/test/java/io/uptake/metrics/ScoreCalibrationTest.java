package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uptake.metrics.Figure.Source;
import org.junit.jupiter.api.Test;

/**
 * Trust read against corrections with the default thresholds (high trust 60, low 40; frequent corrections 30 %,
 * rare 10 %), from figures worked out here from answers: the trust index maps 1→0 … 5→100 and averages, the
 * correction rate is the share answering "often" or "always".
 */
class ScoreCalibrationTest {

    final ScoreCalibration calibration = new ScoreCalibration(CalibrationSettings.defaults(),
            new Anonymity(MetricsSettings.defaults()));

    static Figure shown(double value, int n) {
        return Figure.shown(value, n, Source.PULSE);
    }

    @Test
    void highTrustWithFrequentCorrectionsIsOverTrust() {
        // Trust answers 5, 5, 4, 4, 4, 3: (100 + 100 + 75 + 75 + 75 + 50) / 6 = 79.2; 3 of 6 say often or always.
        TrustCalibration c = calibration.read(shown(79.2, 6), shown(50, 6));

        assertThat(c.quadrant()).isEqualTo("OVER_TRUST");
        assertThat(c.reading()).isEqualTo("over-trust: trust 79.2 but 50 % of answers say output often or always"
                + " needs fixing");
        assertThat(c.trustIndex().value()).isEqualTo(79.2);
        assertThat(c.correctionPercent().value()).isEqualTo(50.0);
    }

    @Test
    void lowTrustWithRareCorrectionsIsUnderTrust() {
        // Trust answers 1, 2, 2, 3, 1, 2: (0 + 25 + 25 + 50 + 0 + 25) / 6 = 20.8; nobody says often or always.
        TrustCalibration c = calibration.read(shown(20.8, 6), shown(0, 6));

        assertThat(c.quadrant()).isEqualTo("UNDER_TRUST");
        assertThat(c.reading()).isEqualTo("under-trust: trust 20.8 though only 0 % of answers say output often or"
                + " always needs fixing");
    }

    @Test
    void everythingElseIsCalibrated() {
        // High trust, rare corrections: trust is earned.
        assertThat(calibration.read(shown(75, 6), shown(0, 6)).quadrant()).isEqualTo("CALIBRATED");
        // Low trust, frequent corrections: distrust is earned.
        assertThat(calibration.read(shown(20.8, 6), shown(66.7, 6)).quadrant()).isEqualTo("CALIBRATED");
        // In between on either axis.
        assertThat(calibration.read(shown(50, 6), shown(50, 6)).quadrant()).isEqualTo("CALIBRATED");
        assertThat(calibration.read(shown(79.2, 6), shown(16.7, 6)).quadrant()).isEqualTo("CALIBRATED");
        assertThat(calibration.read(shown(25, 6), shown(16.7, 6)).reading())
                .isEqualTo("calibrated: trust 25 and 16.7 % of answers say output often or always needs fixing");
    }

    @Test
    void aValueOnAThresholdCountsAsPastIt() {
        // Trust 4, 4, 3, 3, 3: (75 + 75 + 50 + 50 + 50) / 5 = 60; 3 of 10 = 30 %.
        assertThat(calibration.read(shown(60, 5), shown(30, 10)).quadrant()).isEqualTo("OVER_TRUST");
        assertThat(calibration.read(shown(59.9, 5), shown(30, 10)).quadrant()).isEqualTo("CALIBRATED");
        assertThat(calibration.read(shown(60, 5), shown(29.9, 10)).quadrant()).isEqualTo("CALIBRATED");
        // Trust 3, 3, 3, 3, 1: (4 × 50 + 0) / 5 = 40; 1 of 10 = 10 %.
        assertThat(calibration.read(shown(40, 5), shown(10, 10)).quadrant()).isEqualTo("UNDER_TRUST");
        assertThat(calibration.read(shown(40.1, 5), shown(10, 10)).quadrant()).isEqualTo("CALIBRATED");
        assertThat(calibration.read(shown(40, 5), shown(10.1, 10)).quadrant()).isEqualTo("CALIBRATED");
    }

    @Test
    void eitherFigureSuppressedHidesTheQuadrantAndItsReadingHasNoNumber() {
        TrustCalibration hiddenFixing = calibration.read(shown(79.2, 6), Figure.suppressed(Source.PULSE));
        TrustCalibration hiddenTrust = calibration.read(Figure.suppressed(Source.PULSE), shown(50, 6));
        TrustCalibration both = calibration.read(Figure.suppressed(Source.PULSE), Figure.suppressed(Source.PULSE));

        assertThat(hiddenFixing.quadrant()).isEqualTo("SUPPRESSED");
        assertThat(hiddenFixing.reading()).isEqualTo("hidden: fewer than 5 answers on correction");
        assertThat(hiddenFixing.correctionPercent().value()).isNull();
        assertThat(hiddenTrust.quadrant()).isEqualTo("SUPPRESSED");
        assertThat(hiddenTrust.reading()).isEqualTo("hidden: fewer than 5 answers on trust");
        assertThat(hiddenTrust.trustIndex().value()).isNull();
        assertThat(both.reading()).isEqualTo("hidden: fewer than 5 answers on trust and correction");
        assertThat(hiddenFixing.isRead()).isFalse();
    }

    @Test
    void aSuppressedFigureWinsOverAMissingOne() {
        TrustCalibration c = calibration.read(Figure.suppressed(Source.PULSE), Figure.noData(Source.PULSE));

        assertThat(c.quadrant()).isEqualTo("SUPPRESSED");
    }

    @Test
    void eitherFigureWithoutAnswersIsNoData() {
        assertThat(calibration.read(shown(79.2, 6), Figure.noData(Source.PULSE)).reading())
                .isEqualTo("no correction answers");
        assertThat(calibration.read(Figure.noData(Source.PULSE), shown(50, 6)).quadrant()).isEqualTo("NO_DATA");
        assertThat(calibration.read(Figure.noData(Source.PULSE), Figure.noData(Source.PULSE)).reading())
                .isEqualTo("no trust or correction answers");
    }

    @Test
    void thresholdsComeFromConfiguration() {
        ScoreCalibration strict = new ScoreCalibration(new CalibrationSettings(80, 20, 50, 5),
                new Anonymity(MetricsSettings.defaults()));

        assertThat(strict.read(shown(79.2, 6), shown(50, 6)).quadrant()).isEqualTo("CALIBRATED");
        assertThat(strict.read(shown(80, 6), shown(50, 6)).quadrant()).isEqualTo("OVER_TRUST");
        assertThat(strict.read(shown(20.8, 6), shown(0, 6)).quadrant()).isEqualTo("CALIBRATED");
        assertThat(strict.read(shown(80, 6), shown(50, 6)).thresholds()).isEqualTo(new CalibrationSettings(80, 20,
                50, 5));
    }

    @Test
    void thresholdsThatOverlapOrLeaveTheScaleAreRefusedAtStart() {
        assertThatThrownBy(() -> new CalibrationSettings(40, 60, 30, 10)).hasMessageContaining("low-trust");
        assertThatThrownBy(() -> new CalibrationSettings(60, 60, 30, 10)).hasMessageContaining("low-trust");
        assertThatThrownBy(() -> new CalibrationSettings(101, 40, 30, 10)).hasMessageContaining("high-trust");
        assertThatThrownBy(() -> new CalibrationSettings(60, 40, 10, 10)).hasMessageContaining("rare-corrections");
        assertThatThrownBy(() -> new CalibrationSettings(60, 40, 30, -1)).hasMessageContaining("rare-corrections");
    }
}
