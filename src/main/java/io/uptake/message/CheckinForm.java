package io.uptake.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What an owner's check-in form shows: the workflow, its outcome and the period being logged. Numbers are text
 * as the catalogue wrote them, so no rendering rounds them.
 *
 * @param period    the check-in period, e.g. {@code 2026-Q4} or {@code 2026-11}
 * @param lastValue the value of the latest check-in, when there is one
 */
@Serdeable
public record CheckinForm(String workflowId, String workflowName, String metric, String unit, String direction,
                          String baseline, String target, String by, String period, @Nullable String lastValue) {

    /** The line that says what is measured, e.g. "Claims closed per FTE per week (claims): 120 → 150 by 2027-Q1". */
    public String outcomeLine() {
        return metric + " (" + unit + "): baseline " + baseline + ", target " + target + " by " + by
                + ("down".equals(direction) ? ", lower is better" : "");
    }
}
