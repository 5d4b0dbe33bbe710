package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * What a workflow's owner decided when asked whether to scale, fix or stop it (the day-60 early warning).
 *
 * @param choice    scale, fix or stop
 * @param decidedOn the day the owner answered
 * @param prompt    why they were asked, in the words the warning gave (e.g. "habit falling"); null when not asked
 */
@Serdeable
public record OwnerDecision(String choice, LocalDate decidedOn, @Nullable String prompt) {
}
