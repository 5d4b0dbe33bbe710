package io.uptake.pulse;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stakeholder's answer to one question.
 *
 * @param deliveryId whose answer it is; emptied when that person is erased, the answer still counted
 * @param valueText as written, for the person's own message only
 * @param shownText the text with emails, phone numbers and mentions removed: the only form ever shown to others
 */
@MappedEntity(value = "stakeholder_answer", escape = false)
record StakeholderAnswerRow(
        @Id @GeneratedValue @Nullable Long id,
        Long roundId,
        @Nullable Long deliveryId,
        String question,
        @Nullable Integer valueInt,
        @Nullable String valueText,
        @Nullable String shownText,
        LocalDate answeredOn,
        @Nullable Instant updatedAt) {
}
