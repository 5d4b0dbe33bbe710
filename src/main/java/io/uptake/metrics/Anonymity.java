package io.uptake.metrics;

import io.micronaut.context.annotation.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The anonymity rules, in one place: every figure made from answers becomes a {@link Figure} here, so no output
 * (digest, card, API, CSV, chart) can show a value that rests on too few people. Created at startup so a
 * configuration below the floor stops the service instead of showing small groups.
 */
@Context
public class Anonymity {

    private final int minRespondents;

    public Anonymity(MetricsSettings settings) {
        if (settings.minRespondents() < MetricsSettings.FLOOR) {
            throw new IllegalStateException("uptake.metrics.min-respondents is " + settings.minRespondents()
                    + " but may never be below " + MetricsSettings.FLOOR
                    + ": smaller groups would let readers identify individual answers.");
        }
        if (settings.minFreeText() < settings.minRespondents()) {
            throw new IllegalStateException("uptake.metrics.min-free-text is " + settings.minFreeText()
                    + " but may not be below min-respondents (" + settings.minRespondents() + ").");
        }
        this.minRespondents = settings.minRespondents();
    }

    public int minRespondents() {
        return minRespondents;
    }

    /** A score resting on {@code n} answers: shown only from min-respondents up. */
    public Figure score(double value, int n, Figure.Source source) {
        return n >= minRespondents ? Figure.shown(value, n, source) : Figure.suppressed(source);
    }

    /**
     * A breakdown of {@code total} answers into groups. A group with 1 to min-respondents − 1 answers is
     * suppressed, and then the smallest group still shown is too, so no group can be recovered by subtracting
     * the shown ones from the total; with a total below the threshold everything is. Empty groups stay shown.
     */
    public List<Figure> breakdown(List<Integer> counts, Figure.Source source) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        boolean[] hidden = new boolean[counts.size()];
        int hiddenCount = 0;
        for (int i = 0; i < counts.size(); i++) {
            int c = counts.get(i);
            if (total < minRespondents || (c > 0 && c < minRespondents)) {
                hidden[i] = true;
                hiddenCount++;
            }
        }
        if (hiddenCount == 1) {
            // Prefer a non-empty neighbour: hiding an empty group would still give the small one away as "the rest".
            IntStream.range(0, counts.size()).filter(i -> !hidden[i])
                    .boxed().min(Comparator.<Integer>comparingInt(i -> counts.get(i) == 0 ? 1 : 0)
                            .thenComparingInt(counts::get))
                    .ifPresent(i -> hidden[i] = true);
        }
        List<Figure> figures = new ArrayList<>(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            figures.add(hidden[i] ? Figure.suppressed(source) : Figure.shown(counts.get(i), total, source));
        }
        return figures;
    }

    /**
     * A breakdown shown beside its mean and n. Two hidden groups could then be solved from the count and the sum
     * (mean × n), so here the breakdown is all or nothing: if any group is suppressed, all are.
     */
    public List<Figure> breakdownBesideMean(List<Integer> counts, Figure.Source source) {
        List<Figure> figures = breakdown(counts, source);
        if (figures.stream().anyMatch(f -> f.state() == Figure.State.SUPPRESSED)) {
            return counts.stream().map(c -> Figure.suppressed(source)).toList();
        }
        return figures;
    }
}
