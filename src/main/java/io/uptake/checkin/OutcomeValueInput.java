package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;

/**
 * One measured value of a workflow's outcome as it was posted, before it is checked.
 *
 * @param row    where it stood in what was posted: the index in the JSON list (from 0) or the CSV line (from 2)
 * @param where  how to name that place to the sender, e.g. {@code values[3]} or {@code line 5}
 * @param day    the day the value was measured on, as sent (ISO {@code 2026-11-30})
 * @param value  the value as sent
 * @param source the system of record, as sent; may be null
 * @param wave   the rollout wave whose team the value was measured for, as sent; null: the workflow's own value
 */
public record OutcomeValueInput(int row, String where, @Nullable String day, @Nullable String value,
                                @Nullable String source, @Nullable String wave) {

    /** A value of the workflow as a whole (no wave). */
    public OutcomeValueInput(int row, String where, @Nullable String day, @Nullable String value,
                             @Nullable String source) {
        this(row, where, day, value, source, null);
    }
}
