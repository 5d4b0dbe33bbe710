package io.uptake.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Messages the dispatcher gave up on, for an admin to read and, once the cause is fixed, send again. */
@Singleton
public class DeadLetters {

    /** A dead-lettered message, without its content: that may hold personal data. */
    @Serdeable
    public record DeadLetter(long id, String dedupeKey, String platform, String kind, int attempts,
                             @Nullable String lastError, Instant createdAt) {
    }

    private final OutboxRepository rows;
    private final Clock clock;

    DeadLetters(OutboxRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    public List<DeadLetter> list() {
        return rows.findByStatusOrderByIdDesc(OutboxRow.DEAD).stream()
                .map(r -> new DeadLetter(r.id(), r.dedupeKey(), r.platform().code(), r.kind(), r.attempts(),
                        r.lastError(), r.createdAt()))
                .toList();
    }

    /** Puts a dead message back in the queue with its attempts reset; false if there is no such dead message. */
    @Transactional
    public boolean retry(long id) {
        return rows.findById(id).filter(r -> OutboxRow.DEAD.equals(r.status())).map(r -> {
            rows.update(new OutboxRow(r.id(), r.dedupeKey(), r.platform(), r.tenantId(), r.recipient(), r.personId(),
                    r.kind(), r.payload(), r.updatesId(), r.subjectId(), r.editSeq(), OutboxRow.PENDING, 0,
                    Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), null, null, null, null, r.lastError(),
                    r.createdAt(), null));
            return true;
        }).orElse(false);
    }

    /**
     * Sends a message that failed and waits for a later attempt now, with its attempts reset, as {@link #retry}
     * does for a dead one; false if there is no such message waiting.
     */
    @Transactional
    public boolean retryFailed(long id) {
        return rows.retryFailed(id, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)) > 0;
    }
}
