package io.uptake.digest;

import io.uptake.message.DigestMessage;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.Scorecard;
import java.util.List;

/** Composes digests for renderer tests in other packages, with the default threshold of 5. */
public final class Digests {

    private Digests() {
    }

    /** The parts a Slack channel is sent, as QueueDigest composes them. */
    public static List<DigestMessage> forSlack(Scorecard scorecard) {
        return new ComposeDigest(MetricsSettings.defaults(), emails -> java.util.Map.of()).compose(scorecard,
                ComposeDigest.SLACK_UNITS, ComposeDigest.SLACK_CHARACTERS, null);
    }

    public static List<DigestMessage> compose(Scorecard scorecard, int maxUnits, String chartUrl) {
        return new ComposeDigest(MetricsSettings.defaults(), emails -> java.util.Map.of())
                .compose(scorecard, maxUnits, chartUrl);
    }
}
