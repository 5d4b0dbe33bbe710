package io.uptake.pulse;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One answer to one question. Confidential answers know their delivery and person; anonymous ones know only
 * their round, a coarse date, and the hash of a ballot secret that only the respondent's message carries.
 */
@MappedEntity(value = "answer", escape = false)
public record AnswerRow(
        @Id @GeneratedValue @Nullable Long id,
        Long roundId,
        @Nullable Long deliveryId,
        @Nullable Long personId,
        @Nullable String ballot,
        String question,
        @Nullable Integer valueInt,
        @Nullable BigDecimal valueNum,
        @Nullable String valueText,
        LocalDate answeredOn,
        @Nullable Instant updatedAt) {
}
