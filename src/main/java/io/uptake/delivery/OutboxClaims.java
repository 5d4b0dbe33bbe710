package io.uptake.delivery;

import io.micronaut.context.annotation.Value;
import io.uptake.storage.DatabaseUrl;
import io.uptake.storage.NodeId;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's claims on outbox rows: taken a small batch at a time, held under a short lease that the node renews
 * while it holds any, taken back by any node once a lease lapses, and given back when the node stops.
 *
 * <p>Several nodes may share one PostgreSQL outbox. There, claims use {@code FOR UPDATE SKIP LOCKED}, so nodes
 * claiming at the same moment take different rows instead of queueing behind one another. SQLite runs one writer
 * at a time, has no row locks, and keeps the conditional UPDATE that is exclusive there. The claim names the node
 * ({@code node:pass}); a node renews only its own rows, so a node that dies (SIGKILL, a lost host) stops renewing
 * and its rows are sent by another node once the lease lapses. A starting node takes back only lapsed claims,
 * never those of a live node, whatever it finds in 'sending'.
 *
 * <p>Leases are written and judged by each node's own clock, so the nodes' clocks must agree to well within a
 * lease (NTP keeps them within milliseconds); a node whose clock ran seconds ahead would take back live rows.
 */
@Singleton
class OutboxClaims {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxClaims.class);
    private static final Duration SHORTEST_LEASE = Duration.ofSeconds(3);

    private final OutboxRepository rows;
    private final MessageEditRepository edits;
    private final DeliverySettings settings;
    private final Clock clock;
    private final boolean skipLocked;
    private final String node;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicInteger holding = new AtomicInteger();
    private final ScheduledExecutorService renewals;
    private volatile boolean claimedAny;

    OutboxClaims(OutboxRepository rows, MessageEditRepository edits, NodeId nodeId,
                 @Value("${datasources.default.url:}") String databaseUrl, DeliverySettings settings, Clock clock) {
        if (settings.claimLease().compareTo(SHORTEST_LEASE) < 0) {
            throw new IllegalStateException("uptake.delivery.claim-lease is " + settings.claimLease()
                    + "; it must be at least " + SHORTEST_LEASE + ", or a busy database makes live nodes' rows "
                    + "look abandoned and they are sent twice");
        }
        this.rows = rows;
        this.edits = edits;
        this.node = nodeId.value();
        this.settings = settings;
        this.clock = clock;
        this.skipLocked = DatabaseUrl.of(databaseUrl).postgres();
        this.renewals = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "outbox-lease-" + node);
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.renewEvery().toMillis();
        renewals.scheduleAtFixedRate(this::renewIfHolding, every, every, TimeUnit.MILLISECONDS);
    }

    /** This node's id ({@link NodeId}), as its claims carry it. */
    String node() {
        return node;
    }

    /** A new claim id for one pass of this node. */
    String newClaim() {
        return node + ":" + passes.incrementAndGet();
    }

    /** Claims up to one batch of rows due at {@code now}; they are renewed while a pass {@link #hold}s. */
    int take(String claim, Instant now) {
        claimedAny = true;
        int limit = settings.batch();
        return skipLocked ? rows.claimDueSkipLocked(claim, now, limit) : rows.claimDue(claim, now, limit);
    }

    /** Takes back rows whose node has not renewed them for a whole lease; they will be sent again. */
    int takeBackLapsed(Instant now) {
        int lapsed = rows.releaseStaleClaims(now.minus(settings.claimLease()).truncatedTo(ChronoUnit.MILLIS));
        if (lapsed > 0) {
            LOG.warn("{} outbox messages were held by a node that stopped renewing its claims (lease {}); "
                    + "they will be sent again", lapsed, settings.claimLease());
        }
        return lapsed;
    }

    /** Marks the start of a pass: while any pass holds, this node's claims are renewed. */
    void hold() {
        holding.incrementAndGet();
    }

    void letGo() {
        holding.decrementAndGet();
    }

    /** Renews the lease of every row (and edit turn) this node is sending. */
    int renew() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int renewed = rows.renewClaims(mine(), now);
        edits.renewTurns(mine(), now);
        return renewed;
    }

    /** Gives back every row this node claimed and did not send, as it was but for the claim. */
    int giveBack() {
        return claimedAny ? rows.giveBack(mine()) : 0;
    }

    @PreDestroy
    void close() {
        renewals.shutdownNow();
    }

    private void renewIfHolding() {
        if (holding.get() == 0) {
            return;
        }
        try {
            renew();
        } catch (RuntimeException e) {
            // The next renewal, a third of a lease later, tries again; only a whole lease without one loses them.
            LOG.warn("Node {} could not renew its outbox claims", node, e);
        }
    }

    private String mine() {
        return node + ":%";
    }
}
