package io.uptake.pulse;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.List;

/**
 * One firing of a pulse.
 *
 * @param period    what makes the round unique for its pulse: the scheduled date, or the minute of a manual send
 * @param questions the question kinds asked, comma-separated, frozen when the round opened
 */
@MappedEntity(value = "pulse_round", escape = false)
public record RoundRow(
        @Id @GeneratedValue @Nullable Long id,
        String pulseId,
        String period,
        String questions,
        String mode,
        Instant openedAt,
        Instant closesAt,
        @Nullable Instant closedAt) {

    public static final String ANONYMOUS = "anonymous";

    public boolean anonymous() {
        return ANONYMOUS.equals(mode);
    }

    public List<String> questionList() {
        return List.of(questions.split(","));
    }

    public boolean openAt(Instant now) {
        return closedAt == null && now.isBefore(closesAt);
    }
}
