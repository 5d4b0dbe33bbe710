package io.uptake.usage;

import io.uptake.catalog.Catalog;
import io.uptake.catalog.UsageSpec;
import io.uptake.catalog.Workflow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up what a source reported into one use per workflow, person and day: the workflows whose {@code usage.source}
 * is the source and whose features count the feature used; the counts of active use summed, and a day with only
 * passive use kept as count 0.
 */
final class UseTally {

    private final List<Workflow> workflows;
    private final Map<Key, int[]> tally = new LinkedHashMap<>();

    /** The workflows of the catalogue that read their use from {@code source}. */
    UseTally(Catalog catalog, String source) {
        this.workflows = catalog.workflows().stream()
                .filter(w -> w.usage().map(u -> u.source().equals(source)).orElse(false)).toList();
    }

    boolean anyWorkflow() {
        return !workflows.isEmpty();
    }

    /**
     * Whether a use of {@code feature} counts for a workflow: a feature it lists, or any when it lists none; a use
     * the source reports without a feature ({@link SourceActivity#ANY}) counts only for a workflow listing none.
     */
    static boolean counts(UsageSpec spec, String feature) {
        return SourceActivity.ANY.equals(feature) ? spec.features().isEmpty() : spec.counts(feature);
    }

    /** The workflows a use of {@code feature} counts for. */
    List<String> workflowsCounting(String feature) {
        return workflows.stream().filter(w -> counts(w.usage().orElseThrow(), feature)).map(Workflow::id).toList();
    }

    /**
     * Adds a use; {@code row} is the first row it came from (the CSV row), kept for errors.
     *
     * @return whether any workflow counts it
     */
    boolean add(int row, String email, LocalDate day, String feature, int count, boolean passive) {
        List<String> counting = workflowsCounting(feature);
        for (String workflow : counting) {
            int[] sum = tally.computeIfAbsent(new Key(workflow, email, day), k -> new int[] {0, row});
            if (!passive) {
                sum[0] = (int) Math.min(RecordUsageBatch.MAX_COUNT, (long) sum[0] + count);
            }
        }
        return !counting.isEmpty();
    }

    List<SourceDelivery.Use> uses() {
        List<SourceDelivery.Use> uses = new ArrayList<>();
        tally.forEach((key, sum) -> uses.add(new SourceDelivery.Use(sum[1], key.workflow(), key.email(), key.day(),
                sum[0])));
        return uses;
    }

    private record Key(String workflow, String email, LocalDate day) {
    }
}
