package io.uptake.digest;

import io.uptake.catalog.BlockerCategory;
import io.uptake.message.DigestMessage.Fact;
import io.uptake.metrics.Blockers;
import io.uptake.metrics.Figure;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.Rounding;
import io.uptake.metrics.WorkflowScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Words a workflow's what is in the way for the digest, as facts after the others: the top blockers with their
 * shares and, where shown, their change against the previous 4 weeks, e.g. {@code no time 40% (↑ 12) · data access
 * 25% · integration 15% of 20 answers}; or why they are hidden. A week nobody answered the question adds no fact.
 */
final class BlockerWording {

    static final String LABEL = "In the way";

    private BlockerWording() {
    }

    static List<Fact> facts(WorkflowScore w, MetricsSettings settings) {
        Blockers b = w.blockers();
        if (b.respondents() == 0 || b.categories().isEmpty()) {
            return List.of();
        }
        return List.of(new Fact(LABEL, line(b, settings.minRespondents())));
    }

    static String line(Blockers b, int minRespondents) {
        if (b.categories().stream().noneMatch(s -> s.percent().isShown())) {
            return DigestWording.DASH + "  (fewer than " + minRespondents + " answers)";
        }
        List<String> parts = new ArrayList<>();
        for (String code : b.top()) {
            share(b, code).ifPresent(s -> parts.add(name(code) + " " + whole(s.percent().value()) + "%"
                    + change(s.change())));
        }
        if (parts.isEmpty()) {
            parts.add("no blocker named by " + minRespondents + " or more");
        }
        share(b, BlockerCategory.NOTHING.code()).filter(s -> s.percent().isShown() && s.percent().value() > 0)
                .ifPresent(s -> parts.add(name(s.code()) + " " + whole(s.percent().value()) + "%"));
        return String.join(" · ", parts) + " of " + b.respondents() + (b.respondents() == 1 ? " answer" : " answers");
    }

    private static Optional<Blockers.BlockerShare> share(Blockers b, String code) {
        return b.categories().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    private static String name(String code) {
        return BlockerCategory.inOrder().stream().filter(c -> c.code().equals(code)).map(BlockerCategory::shortName)
                .findFirst().orElse(code);
    }

    /** The change in points after a share: " (↑ 12)", " (↓ 5)", " (→ 0)"; nothing when it is not shown. */
    private static String change(Figure change) {
        if (!change.isShown()) {
            return "";
        }
        long points = Rounding.whole(change.value());
        return points > 0 ? " (↑ " + points + ")" : points < 0 ? " (↓ " + (-points) + ")" : " (→ 0)";
    }

    private static String whole(double value) {
        return Long.toString(Rounding.whole(value));
    }
}
