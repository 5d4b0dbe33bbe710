package io.uptake.pulse;

import io.uptake.delivery.MessageAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a batch of answers read once for all of its clicks, kept up to date as each click is recorded so that a
 * later click in the same batch sees the earlier one.
 */
final class AnswerBatch {

    /** A person invited to a round. */
    record Invited(long roundId, long personId) {
    }

    final Map<Long, Optional<RoundCards.AskedRound>> rounds = new HashMap<>();
    final Map<Invited, DeliveryRow> deliveries = new HashMap<>();
    /** Confidential answers given so far, by delivery. */
    final Map<Long, List<AnswerRow>> given = new HashMap<>();
    /** The pulse message each invited person was sent. */
    final Map<Invited, MessageAddress> originals = new HashMap<>();
}
