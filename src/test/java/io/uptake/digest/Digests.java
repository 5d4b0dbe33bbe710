package io.uptake.digest;

import io.uptake.message.DigestMessage;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.Scorecard;
import java.util.List;

/** Composes digests for renderer tests in other packages, with the default threshold of 5. */
public final class Digests {

    private Digests() {
    }

    public static List<DigestMessage> compose(Scorecard scorecard, int maxUnits, String chartUrl) {
        return new ComposeDigest(MetricsSettings.defaults(), emails -> java.util.Map.of()).compose(scorecard, maxUnits, chartUrl);
    }
}
