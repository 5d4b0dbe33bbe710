package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Trust read against the correction rate. High trust with frequent corrections is over-trust (people rely on output
 * they keep fixing); low trust with rare corrections is under-trust (good output set aside); calibrated otherwise.
 *
 * @param quadrant          OVER_TRUST, UNDER_TRUST, CALIBRATED, or NO_DATA / SUPPRESSED when either input is not
 *                          shown
 * @param trustIndex        the trust index it was read from
 * @param correctionPercent the correction rate it was read from
 * @param reading           the quadrant in a plain sentence for the digest
 */
@Serdeable
public record TrustCalibration(String quadrant, Figure trustIndex, Figure correctionPercent, String reading) {

    public static TrustCalibration noData() {
        Figure none = Figure.noData(Figure.Source.PULSE);
        return new TrustCalibration("NO_DATA", none, none, "no trust or correction answers");
    }
}
