package io.uptake.pulse;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.PulseRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.PulseCard;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes rounds whose time is up and edits each delivered message to say so. */
@Singleton
public class CloseRounds {

    private static final Logger LOG = LoggerFactory.getLogger(CloseRounds.class);

    private final PulseRepositories.Rounds rounds;
    private final PulseRepositories.Deliveries deliveries;
    private final PulseRepositories.Answers answers;
    private final CatalogLookup catalog;
    private final MessageEdits edits;
    private final StakeholderRoundTick stakeholderRounds;
    private final Clock clock;
    private final ShareComments share;

    CloseRounds(PulseRepositories.Rounds rounds, PulseRepositories.Deliveries deliveries,
                PulseRepositories.Answers answers, CatalogLookup catalog, MessageEdits edits,
                StakeholderRoundTick stakeholderRounds, Clock clock, ShareComments share) {
        this.share = share;
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.answers = answers;
        this.catalog = catalog;
        this.edits = edits;
        this.stakeholderRounds = stakeholderRounds;
        this.clock = clock;
    }

    /** Closes every round due to close, and moves the stakeholder rounds on; returns how many pulse rounds closed. */
    @Transactional
    public int run() {
        Instant now = PulseRepositories.millis(clock.instant());
        int closed = 0;
        for (RoundRow round : rounds.findUnclosed()) {
            if (now.isBefore(round.closesAt())) {
                continue;
            }
            RoundRow done = new RoundRow(round.id(), round.pulseId(), round.period(), round.questions(), round.mode(),
                    round.openedAt(), round.closesAt(), now);
            rounds.update(done);
            PulseRow pulse = catalog.pulse(round.pulseId()).orElseThrow();
            WorkflowRow workflow = catalog.workflow(pulse.workflowId()).orElseThrow();
            PulseCard card = PulseCards.blank(done, pulse, workflow);
            int answered = 0;
            for (DeliveryRow delivery : deliveries.findByRoundIdOrderById(round.id())) {
                if (delivery.sentAt() == null) {
                    continue;
                }
                answered += delivery.answered() ? 1 : 0;
                edits.showClosed(done, delivery, round.anonymous() ? card : PulseCards.withAnswers(card,
                        mine(delivery), null));
            }
            LOG.info("Pulse {} round {} closed: {} answered", round.pulseId(), round.id(), answered);
            share.closed(done, workflow, now);
            closed++;
        }
        // The stakeholder pulse's rounds move on with every pulse round's close: its reminder, its close.
        stakeholderRounds.run();
        return closed;
    }

    private Map<String, String> mine(DeliveryRow delivery) {
        return answers.findByDeliveryId(delivery.id()).stream()
                .collect(Collectors.toMap(AnswerRow::question, PulseQuestions.StoredValue::of));
    }
}
