package io.uptake.catalog;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/** A programme's own declared commercial outcome, as stored. */
@MappedEntity(value = "programme_outcome", escape = false)
public record ProgrammeOutcomeRow(
        @Id String programmeId,
        String metric,
        String unit,
        String direction,
        BigDecimal baseline,
        BigDecimal target,
        String targetQuarter,
        Instant updatedAt) {

    /** The same outcome in the shape a workflow's takes, keyed by {@code key}: what check-in forms read. */
    public OutcomeRow asOutcome(String key) {
        return new OutcomeRow(key, metric, unit, direction, baseline, target, targetQuarter, updatedAt, null, null);
    }

    boolean sameDeclaration(ProgrammeOutcomeRow other) {
        return asOutcome("").sameDeclaration(other.asOutcome(""));
    }
}
