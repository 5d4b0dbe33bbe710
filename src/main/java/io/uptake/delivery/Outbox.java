package io.uptake.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.message.ChatMessage;
import io.uptake.message.MessageCodec;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes messages to the outbox; the dispatcher sends them. Edits of a message are numbered ({@link EditOrder}). */
@Singleton
public class Outbox {

    private final OutboxRepository rows;
    private final EditOrder editOrder;
    private final MessageCodec codec;
    private final Clock clock;

    Outbox(OutboxRepository rows, EditOrder editOrder, MessageCodec codec, Clock clock) {
        this.rows = rows;
        this.editOrder = editOrder;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Adds a message unless one with the same dedupe key was ever added; joins the caller's transaction. An edit
     * ({@code updatesId} set) is numbered after the edits of its message queued before it.
     *
     * @return whether it was added
     */
    @Transactional
    public boolean enqueue(NewMessage m) {
        if (m.updatesId() == null) {
            return insert(m, m.dedupeKey(), null);
        }
        int seq = editOrder.number(m.updatesId());
        boolean added = insert(m, m.dedupeKey(), seq);
        if (!added) {
            editOrder.unnumber(m.updatesId(), seq);
        }
        return added;
    }

    /**
     * Queues the next edit of a message sent earlier, due now, under the key {@code what:{message}:{n}} where n
     * numbers the message's edits: only the newest edit queued is ever sent.
     *
     * @return the edit's number
     */
    @Transactional
    public int enqueueEdit(String what, MessageAddress original, @Nullable Long personId, ChatMessage message,
                           @Nullable Long subjectId) {
        int seq = editOrder.number(original.id());
        NewMessage edit = new NewMessage(what + ":" + original.id() + ":" + seq,
                original.platform(), original.tenantId(),
                original.recipient(), personId, message, clock.instant(), null, original.id(), subjectId);
        insert(edit, edit.dedupeKey(), seq);
        return seq;
    }

    /** The outbox row written under a dedupe key, if any. */
    public Optional<OutboxRow> find(String dedupeKey) {
        return rows.findByDedupeKey(dedupeKey);
    }

    /** Where the messages written under some dedupe keys went, by key; keys with no message are left out. */
    public Map<String, MessageAddress> addresses(List<String> dedupeKeys) {
        return dedupeKeys.isEmpty() ? Map.of() : rows.findByDedupeKeyInList(dedupeKeys).stream()
                .map(StoredAddress::address).collect(Collectors.toMap(MessageAddress::dedupeKey, address -> address));
    }

    private boolean insert(NewMessage m, String dedupeKey, Integer editSeq) {
        return rows.insertIfAbsent(dedupeKey, m.platform(), m.tenantId(),
                m.recipient(), m.personId(), m.message().kind(), codec.write(m.message()), m.updatesId(),
                m.subjectId(), editSeq, millis(m.notBefore()), m.expiresAt() == null ? null : millis(m.expiresAt()),
                millis(Instant.now(clock))) > 0;
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
