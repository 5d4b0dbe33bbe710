package io.uptake.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One part of a weekly adoption digest for a leaders' channel, already worded: every figure is text, so a
 * suppressed figure can only ever reach a platform as the words that say why it is hidden.
 *
 * <p>A digest too large for one chat message is sent as several parts, each a complete message on its own.
 *
 * @param week     the ISO week covered, e.g. {@code 2026-W47}
 * @param part     1-based number of this part
 * @param parts    how many parts the digest has
 * @param chartUrl a public address of the chart image, for platforms that show images by address; null when the
 *                 chart is sent separately or not at all
 * @param soFar    whether the week is still running, so its figures are only the week so far
 */
@Serdeable
public record DigestMessage(String title, String week, int part, int parts, List<Programme> programmes,
                            @Nullable String chartUrl, boolean soFar) implements ChatMessage {

    public static final String KIND = "digest";

    /** What the digest's short labels mean, shown once at the end of a digest (its last part). */
    public static final String LEGEND = "WAU (weekly active): people of the target team who used the workflow at "
            + "least once in the week. Habit: people who used it in at least 9 of the last 12 weeks. "
            + "Cycle time Δ: change of the median reported time against the baseline. "
            + "Days of use: the week's audience by the days they used it; stopped: used in the 4 weeks before the "
            + "last 2, not since; passive: seen by the tool but not using it.";

    /**
     * A programme's headline verdict and its workflows in this part.
     *
     * @param continued whether an earlier part already began this programme
     */
    @Serdeable
    public record Programme(String name, String verdict, List<String> reasons, boolean continued,
                            List<Row> workflows) {

        public Programme {
            reasons = List.copyOf(reasons);
            workflows = List.copyOf(workflows);
        }
    }

    /** One workflow: its verdict, its figures as label and worded value, and what leaders should look at. */
    @Serdeable
    public record Row(String name, String verdict, List<Fact> facts, List<String> flags) {

        public Row {
            facts = List.copyOf(facts);
            flags = List.copyOf(flags);
        }
    }

    /** A labelled figure, worded for people: {@code "Trust" → "62 ↓ −16 pts (n=12)"}. */
    @Serdeable
    public record Fact(String label, String value) {
    }

    public DigestMessage {
        programmes = List.copyOf(programmes);
    }

    /** A digest of a complete week. */
    public DigestMessage(String title, String week, int part, int parts, List<Programme> programmes,
                         @Nullable String chartUrl) {
        this(title, week, part, parts, programmes, chartUrl, false);
    }

    /** Which week the figures are of, in words: "Last complete week" or "This week so far". */
    public String period() {
        return soFar ? "This week so far" : "Last complete week";
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return parts > 1 ? title + " (part " + part + " of " + parts + ")" : title;
    }
}
