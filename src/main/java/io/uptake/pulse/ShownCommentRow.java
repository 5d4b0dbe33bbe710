package io.uptake.pulse;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A comment as others may read it: the scrubbed copy kept in its answer's row, with what ties it to the same
 * respondent's other answers of the round (their delivery in confidential rounds, their ballot's hash in anonymous
 * ones) so it can be grouped by the blocker they named. Never shown with any of these.
 */
@MappedEntity(value = "answer", escape = false)
record ShownCommentRow(
        @Id Long id,
        Long roundId,
        @Nullable Long deliveryId,
        @Nullable String ballot,
        String question,
        @Nullable String shownText) {
}
