package io.uptake.pulse;

import io.micronaut.runtime.event.annotation.EventListener;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.CatalogState;
import io.uptake.catalog.CatalogSynced;
import io.uptake.catalog.PulseRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.PulseCard;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An open round as answers need it: its row, read afresh every time because a round can close at any moment,
 * and its blank card, which depends only on the round and the catalogue and so is kept.
 *
 * <p>A card is kept under the catalogue load in force when it was made: a reload on this node drops the kept cards
 * at once, and one on another node puts a newer load in force here at the next catalogue read
 * ({@link CatalogState} follows the stored load history), so no card of the catalogue before it is used again. Age
 * still bounds a card's life, for a change to the catalogue's rows made without a load.
 */
@Singleton
class RoundCards {

    private static final Duration KEEP = Duration.ofMinutes(1);
    private static final int MAX_KEPT = 256;

    /** A round with its blank card. */
    record AskedRound(RoundRow round, String workflowId, PulseCard card) {
    }

    private record Kept(String workflowId, PulseCard card, Instant readAt, long catalogue) {
    }

    private final PulseRepositories.Rounds rounds;
    private final CatalogLookup catalog;
    private final CatalogState catalogState;
    private final CommentNotice notice;
    private final Map<Long, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    };

    RoundCards(PulseRepositories.Rounds rounds, CatalogLookup catalog, CatalogState catalogState,
               CommentNotice notice) {
        this.notice = notice;
        this.rounds = rounds;
        this.catalog = catalog;
        this.catalogState = catalogState;
    }

    /** The round and its card, or nothing if there is no such round. */
    Optional<AskedRound> ask(long roundId, Instant now) {
        return rounds.findById(roundId).map(round -> {
            // Which load is in force is read before the rows the card is made of: a reload after it is a newer load.
            long catalogue = catalogState.newestLoad();
            Kept card = keptFor(roundId, now, catalogue);
            if (card == null) {
                PulseRow pulse = catalog.pulse(round.pulseId()).orElseThrow();
                WorkflowRow workflow = catalog.workflow(pulse.workflowId()).orElseThrow();
                card = new Kept(workflow.id(), notice.onto(PulseCards.blank(round, pulse, workflow), workflow), now,
                        catalogue);
                keep(roundId, card);
            }
            return new AskedRound(round, card.workflowId(), card.card());
        });
    }

    @EventListener
    void catalogSynced(CatalogSynced event) {
        synchronized (kept) {
            kept.clear();
        }
    }

    private Kept keptFor(long roundId, Instant now, long catalogue) {
        synchronized (kept) {
            Kept card = kept.get(roundId);
            return card != null && card.catalogue() == catalogue && card.readAt().plus(KEEP).isAfter(now)
                    && !card.readAt().isAfter(now) ? card : null;
        }
    }

    private void keep(long roundId, Kept card) {
        synchronized (kept) {
            kept.put(roundId, card);
        }
    }
}
