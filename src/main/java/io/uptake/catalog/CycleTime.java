package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;

/**
 * The targeted task and how long it took before the redesign.
 *
 * @param baselineMinutes the baseline typed in the programmes file; null when it gives none, so the baseline is the
 *                        one the pre-rollout pulse samples in chat
 */
public record CycleTime(String task, @Nullable BigDecimal baselineMinutes) {
}
