package io.uptake.digest;

import io.micronaut.core.annotation.Nullable;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.DigestSubscriptionRow;
import io.uptake.delivery.Outbox;
import io.uptake.delivery.OutboxRow;
import io.uptake.message.ChatMessage;
import io.uptake.message.DigestMessage;
import io.uptake.message.MessageCodec;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The digest subscriptions and what each last posted, for the admin's pulses page: each run's week, whether its
 * messages went out, and what they said (read back from the outbox, where the digest was queued as it was sent;
 * a digest holds only thresholded figures, never anyone's answers).
 */
@Singleton
public class DigestRuns {

    /** A subscription and its newest runs. */
    public record Subscription(long id, String channel, List<String> programmes, String schedule,
                               List<Run> runs) {
    }

    /**
     * One posting of a digest.
     *
     * @param status     where its first message stands in the outbox (pending, sent, dead...)
     * @param messageRef the chat platform's reference of its first message, once sent
     * @param text       what was posted, as plain text; null when its messages are no longer kept
     */
    public record Run(String week, Instant composedAt, @Nullable String status, @Nullable String messageRef,
                      @Nullable String text) {
    }

    /** How many runs of each subscription are shown. */
    public static final int RUNS = 5;
    /** More parts than this are never composed; the read-back stops there. */
    private static final int MAX_PARTS = 50;

    private final CatalogLookup catalog;
    private final DigestRepositories.Runs runs;
    private final Outbox outbox;
    private final MessageCodec codec;

    DigestRuns(CatalogLookup catalog, DigestRepositories.Runs runs, Outbox outbox, MessageCodec codec) {
        this.catalog = catalog;
        this.runs = runs;
        this.outbox = outbox;
        this.codec = codec;
    }

    /** The active subscriptions with their newest runs. */
    public List<Subscription> subscriptions() {
        return catalog.activeDigests().stream().map(this::subscription).toList();
    }

    /** One active subscription. */
    public Optional<Subscription> subscription(long id) {
        return catalog.digest(id).filter(d -> d.retiredAt() == null).map(this::subscription);
    }

    private Subscription subscription(DigestSubscriptionRow row) {
        List<Run> shown = runs.findNewest(row.id(), RUNS).stream().map(run -> run(row.id(), run)).toList();
        return new Subscription(row.id(), row.channel(), SendDigest.programmeIds(row),
                row.scheduleDays().replace(",", ", ") + " at " + row.scheduleAt() + " " + row.scheduleZone(), shown);
    }

    private Run run(long subscriptionId, DigestRunRow run) {
        String key = "digest:" + subscriptionId + ":" + run.week() + ":";
        List<DigestMessage> parts = new ArrayList<>();
        OutboxRow first = null;
        for (int part = 1; part <= MAX_PARTS; part++) {
            Optional<OutboxRow> row = outbox.find(key + part);
            if (row.isEmpty()) {
                break;
            }
            if (first == null) {
                first = row.get();
            }
            ChatMessage message = codec.read(row.get().kind(), row.get().payload());
            if (message instanceof DigestMessage digest) {
                parts.add(digest);
            }
        }
        return new Run(run.week(), run.composedAt(), first == null ? null : first.status(),
                first == null ? null : first.messageRef(), parts.isEmpty() ? null : DigestText.render(parts));
    }
}
