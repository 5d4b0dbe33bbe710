package io.uptake.catalog;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/** A workflow's declared commercial outcome, as stored. */
@MappedEntity(value = "outcome", escape = false)
public record OutcomeRow(
        @Id String workflowId,
        String metric,
        String unit,
        String direction,
        BigDecimal baseline,
        BigDecimal target,
        String targetQuarter,
        Instant updatedAt) {

    boolean sameDeclaration(OutcomeRow other) {
        return metric.equals(other.metric) && unit.equals(other.unit) && direction.equals(other.direction)
                && Numbers.same(baseline, other.baseline) && Numbers.same(target, other.target)
                && targetQuarter.equals(other.targetQuarter);
    }
}
