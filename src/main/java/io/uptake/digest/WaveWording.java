package io.uptake.digest;

import io.uptake.message.DigestMessage.Fact;
import io.uptake.metrics.Figure;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.Rounding;
import io.uptake.metrics.WaveScore;
import io.uptake.metrics.WorkflowScore;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words a workflow's rollout waves for the digest, as one fact for a workflow rolled out in more than one wave:
 * {@code 1 (live) WAU 71%, trust 80 · 2 (live 11 Jan) WAU 48% · 3 (from 8 Feb) not live}. A WAU that is not shown
 * says why, never a number; a live wave's trust index is added only when it is shown.
 */
final class WaveWording {

    static final String LABEL = "Waves";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private WaveWording() {
    }

    static List<Fact> facts(WorkflowScore w, MetricsSettings settings) {
        if (w.waves().size() < 2) {
            return List.of();
        }
        return List.of(new Fact(LABEL, line(w.waves(), settings.minRespondents())));
    }

    static String line(List<WaveScore> waves, int minRespondents) {
        List<String> parts = new ArrayList<>();
        for (WaveScore wave : waves) {
            String when = wave.goLive() == null ? "live" : wave.live() ? "live " + DAY.format(wave.goLive())
                    : "from " + DAY.format(wave.goLive());
            String head = wave.wave() + " (" + when + ")";
            String trust = wave.trustIndex().isShown() ? ", trust " + Rounding.whole(wave.trustIndex().value()) : "";
            parts.add(wave.live() ? head + " WAU " + wau(wave.wauPercent(), minRespondents) + trust
                    : head + " not live");
        }
        return String.join(" · ", parts);
    }

    private static String wau(Figure f, int minRespondents) {
        if (f.isShown()) {
            return Rounding.whole(f.value()) + "%";
        }
        return f.state() == Figure.State.SUPPRESSED ? DigestWording.DASH + " (under " + minRespondents + " reporters)"
                : DigestWording.DASH + " (no usage data)";
    }
}
