package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What people said is in the way of a workflow in the scored week: the answers to the {@code blockers} question,
 * one category per answer, already passed through the anonymity rules.
 *
 * @param respondents the answers to the question in the week's rounds (the n of every share)
 * @param categories  every category in the question's fixed order, each with its share of the respondents and
 *                    the change against the previous 4 weeks
 * @param top         codes of the most named categories other than {@code nothing}, most named first, at most 3,
 *                    shown ones only
 */
@Serdeable
public record Blockers(int respondents, List<BlockerShare> categories, List<String> top) {

    public Blockers {
        categories = List.copyOf(categories);
        top = List.copyOf(top);
    }

    /** A week nobody answered the question in (or the workflow's pulses do not ask it). */
    public static Blockers noData() {
        return new Blockers(0, List.of(), List.of());
    }

    /**
     * One blocker category's share.
     *
     * @param code    the stored category, e.g. {@code data-access}
     * @param label   the category as the question words it
     * @param percent share of the week's respondents who named it
     * @param change  percent minus the share over the previous 4 weeks, in points
     */
    @Serdeable
    public record BlockerShare(String code, String label, Figure percent, Figure change) {
    }
}
