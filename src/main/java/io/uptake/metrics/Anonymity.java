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
    private final int minFreeText;

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
        this.minFreeText = settings.minFreeText();
    }

    public int minRespondents() {
        return minRespondents;
    }

    /** The fewest people who must have answered a round before its comments may be read (10 by default). */
    public int minFreeText() {
        return minFreeText;
    }

    /** Whether the comments of a round that {@code respondents} people answered may be shown. */
    public boolean commentsShown(int respondents) {
        return respondents >= minFreeText;
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
     * The {@link #breakdown} of {@code total} answers as each group's share of them, in percent with the total as n:
     * the same groups are hidden, so no hidden share can be recovered by subtracting the shown ones from 100.
     */
    public List<Figure> shares(List<Integer> counts, Figure.Source source) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        List<Figure> groups = breakdown(counts, source);
        List<Figure> shares = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            shares.add(groups.get(i).isShown() ? Figure.shown(ScoreWorkflow.percent(counts.get(i), total), total,
                    source) : groups.get(i));
        }
        return shares;
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
    /**
     * A group of people split by days of use into none, light, moderate and heavy (in that order), as percentages
     * of the group, with the group's size as n. The breakdown rule holds, and two sums are known beside it: the
     * active groups (light + moderate + heavy) add up to the weekly active count that WAU shows, so one hidden
     * active group takes the smallest other non-empty one with it (or all three when the others are empty); and
     * none is the group minus that count, so a small none can only stay hidden if the group's size does too: then
     * every cohort is suppressed.
     */
    public List<Figure> cohorts(List<Integer> counts, Figure.Source source) {
        if (counts.size() != 4) {
            throw new IllegalArgumentException("cohorts are none, light, moderate and heavy, not " + counts);
        }
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        List<Figure> all = counts.stream().map(c -> Figure.suppressed(source)).toList();
        if (total < minRespondents || small(counts.get(0))) {
            return all;
        }
        boolean[] hidden = new boolean[4];
        int hiddenActive = 0;
        for (int i = 1; i < 4; i++) {
            hidden[i] = small(counts.get(i));
            hiddenActive += hidden[i] ? 1 : 0;
        }
        if (hiddenActive == 1) {
            int next = -1;
            for (int i = 1; i < 4; i++) {
                if (!hidden[i] && counts.get(i) > 0 && (next < 0 || counts.get(i) < counts.get(next))) {
                    next = i;
                }
            }
            if (next < 0) {
                hidden[1] = true;
                hidden[2] = true;
                hidden[3] = true;
            } else {
                hidden[next] = true;
            }
        }
        List<Figure> figures = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            figures.add(hidden[i] ? Figure.suppressed(source)
                    : Figure.shown(ScoreWorkflow.percent(counts.get(i), total), total, source));
        }
        return figures;
    }

    /**
     * One group's share of a whole, in percent with the whole as n: shown only when the whole reaches the
     * threshold and neither the group nor the rest of the whole (which the share gives away as well) is a small
     * group. NO_DATA for an empty whole.
     */
    public Figure share(int part, int whole, Figure.Source source) {
        if (whole == 0) {
            return Figure.noData(source);
        }
        return whole < minRespondents || small(part) || small(whole - part) ? Figure.suppressed(source)
                : Figure.shown(ScoreWorkflow.percent(part, whole), whole, source);
    }

    /**
     * The seats a group of {@code used} people leaves over of {@code seats}, never below 0, with the group as n:
     * shown only when neither the group nor the seats left over (people who hold a seat and did not use it) is a
     * small group. A group of none leaves every seat over, which names no one.
     */
    public Figure seatsLeft(int seats, int used, Figure.Source source) {
        int left = Math.max(0, seats - used);
        return small(used) || small(left) ? Figure.suppressed(source) : Figure.shown(left, used, source);
    }

    /** A group of 1 to min-respondents − 1 people: too few to show; an empty group names no one. */
    private boolean small(int count) {
        return count > 0 && count < minRespondents;
    }
}
