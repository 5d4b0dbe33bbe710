package io.uptake.pulse;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A programme's stakeholder pulse for one quarter: asked once, open until {@code closesAt}.
 *
 * @param quarter e.g. {@code 2026-Q4}; one round per programme and quarter
 */
@MappedEntity(value = "stakeholder_round", escape = false)
record StakeholderRoundRow(
        @Id @GeneratedValue @Nullable Long id,
        String programmeId,
        String quarter,
        Instant openedAt,
        Instant closesAt,
        @Nullable Instant closedAt) {

    boolean openAt(Instant now) {
        return closedAt == null && now.isBefore(closesAt);
    }

    StakeholderRoundRow closed(Instant at) {
        return new StakeholderRoundRow(id, programmeId, quarter, openedAt, closesAt, at);
    }
}
