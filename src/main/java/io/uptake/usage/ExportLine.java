package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;

/**
 * One row of a tool's user-activity export, read through a CSV profile: the profile's columns, still as text so each
 * mistake is reported against its row.
 *
 * @param row     the row's number in the file, from 1
 * @param count   null when the profile names no count column (each row counts once)
 * @param feature null when the profile names no feature column
 */
public record ExportLine(int row, @Nullable String person, @Nullable String day, @Nullable String count,
                        @Nullable String feature) {
}
