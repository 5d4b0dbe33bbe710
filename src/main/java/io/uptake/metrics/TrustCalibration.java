package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Trust read against the correction rate. High trust with frequent corrections is over-trust (people rely on output
 * they keep fixing); low trust with rare corrections is under-trust (good output set aside); calibrated otherwise.
 * A quadrant is read only from two shown figures, so it never tells more than the figures themselves.
 *
 * @param quadrant          OVER_TRUST, UNDER_TRUST, CALIBRATED, or NO_DATA / SUPPRESSED when either input is not
 *                          shown
 * @param trustIndex        the trust index it was read from
 * @param correctionPercent the correction rate it was read from
 * @param reading           the quadrant in a plain sentence for the digest
 * @param thresholds        the cut-offs it was read with, so every output can draw and explain them
 */
@Serdeable
public record TrustCalibration(String quadrant, Figure trustIndex, Figure correctionPercent, String reading,
                               CalibrationSettings thresholds) {

    public static final String OVER_TRUST = "OVER_TRUST";
    public static final String UNDER_TRUST = "UNDER_TRUST";
    public static final String CALIBRATED = "CALIBRATED";
    public static final String NO_DATA = "NO_DATA";
    public static final String SUPPRESSED = "SUPPRESSED";

    public static TrustCalibration noData() {
        Figure none = Figure.noData(Figure.Source.PULSE);
        return new TrustCalibration(NO_DATA, none, none, "no trust or correction answers",
                CalibrationSettings.defaults());
    }

    /** Whether the quadrant was read, that is both figures are shown. */
    public boolean isRead() {
        return !NO_DATA.equals(quadrant) && !SUPPRESSED.equals(quadrant);
    }
}
