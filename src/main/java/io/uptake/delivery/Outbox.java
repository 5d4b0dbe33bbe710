package io.uptake.delivery;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.message.MessageCodec;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Writes messages to the outbox; the dispatcher sends them. */
@Singleton
public class Outbox {

    private final OutboxRepository rows;
    private final MessageCodec codec;
    private final Clock clock;

    Outbox(OutboxRepository rows, MessageCodec codec, Clock clock) {
        this.rows = rows;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Adds a message unless one with the same dedupe key was ever added; joins the caller's transaction.
     *
     * @return whether it was added
     */
    @Transactional
    public boolean enqueue(NewMessage m) {
        return rows.insertIfAbsent(m.dedupeKey(), m.platform().name().toLowerCase(Locale.ROOT), m.tenantId(),
                m.recipient(), m.personId(), m.message().kind(), codec.write(m.message()), m.updatesId(),
                m.subjectId(), millis(m.notBefore()), m.expiresAt() == null ? null : millis(m.expiresAt()),
                millis(Instant.now(clock))) > 0;
    }

    /** The outbox row written under a dedupe key, if any. */
    public java.util.Optional<OutboxRow> find(String dedupeKey) {
        return rows.findByDedupeKey(dedupeKey);
    }

    /** Where the messages written under some dedupe keys went, by key; keys with no message are left out. */
    public java.util.Map<String, MessageAddress> addresses(java.util.List<String> dedupeKeys) {
        return dedupeKeys.isEmpty() ? java.util.Map.of() : rows.findByDedupeKeyInList(dedupeKeys).stream()
                .collect(java.util.stream.Collectors.toMap(MessageAddress::dedupeKey, row -> row));
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
