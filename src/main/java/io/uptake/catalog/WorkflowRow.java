package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A workflow as stored: its declaration plus its current stage; kept after it leaves the file. */
@MappedEntity(value = "workflow", escape = false)
public record WorkflowRow(
        @Id String id,
        String programmeId,
        String name,
        String stage,
        LocalDate stageSince,
        String ownerEmail,
        @Nullable Long ownerPersonId,
        int targetTeamSize,
        @Nullable String playUrl,
        @Nullable String cycleTask,
        @Nullable BigDecimal cycleBaselineMinutes,
        @Nullable Instant retiredAt,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether the declared fields (everything but stage, ids and timestamps) are the same. */
    boolean sameDeclaration(WorkflowRow other) {
        return programmeId.equals(other.programmeId) && name.equals(other.name)
                && ownerEmail.equals(other.ownerEmail) && Objects.equals(ownerPersonId, other.ownerPersonId)
                && targetTeamSize == other.targetTeamSize && Objects.equals(playUrl, other.playUrl)
                && Objects.equals(cycleTask, other.cycleTask)
                && Numbers.same(cycleBaselineMinutes, other.cycleBaselineMinutes);
    }
}
