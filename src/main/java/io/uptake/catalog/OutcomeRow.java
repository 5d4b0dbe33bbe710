package io.uptake.catalog;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A workflow's declared commercial outcome, as stored.
 *
 * @param declaredOn the file's {@code declared:} date, moved with the file
 * @param seenOn     the day a catalog load first found the outcome on a workflow Uptake already knew; set once
 */
@MappedEntity(value = "outcome", escape = false)
public record OutcomeRow(
        @Id String workflowId,
        String metric,
        String unit,
        String direction,
        BigDecimal baseline,
        BigDecimal target,
        String targetQuarter,
        Instant updatedAt,
        @Nullable LocalDate declaredOn,
        @Nullable LocalDate seenOn) {

    boolean sameDeclaration(OutcomeRow other) {
        return metric.equals(other.metric) && unit.equals(other.unit) && direction.equals(other.direction)
                && Numbers.same(baseline, other.baseline) && Numbers.same(target, other.target)
                && targetQuarter.equals(other.targetQuarter) && Objects.equals(declaredOn, other.declaredOn);
    }
}
