package io.uptake.pulse;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * How far a workflow's open rounds have got: how many were sent the question and how many of those answered, as
 * counts only. Whoever shows them applies the anonymity rules as the scorecard's response figure does (counts of
 * deliveries, never who answered or what).
 */
@Singleton
public class OpenRoundProgress {

    /**
     * One open round.
     *
     * @param period    the date it was scheduled for, or {@code manual-} and the minute it was sent by hand
     * @param delivered deliveries sent so far
     * @param answered  of those, how many were answered
     */
    public record Round(long roundId, String pulseId, String period, boolean anonymous, Instant openedAt,
                        Instant closesAt, int delivered, int answered) {
    }

    private final PulseRepositories.Rounds rounds;
    private final PulseRepositories.Deliveries deliveries;
    private final Clock clock;

    OpenRoundProgress(PulseRepositories.Rounds rounds, PulseRepositories.Deliveries deliveries, Clock clock) {
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @ReadOnly
    public List<Round> of(String workflowId) {
        Instant now = clock.instant();
        return rounds.findUnclosedOfWorkflow(workflowId).stream().filter(r -> r.openAt(now))
                .map(r -> new Round(r.id(), r.pulseId(), r.period(), r.anonymous(), r.openedAt(), r.closesAt(),
                        (int) deliveries.countSent(r.id()), (int) deliveries.countSentAndAnswered(r.id())))
                .toList();
    }
}
