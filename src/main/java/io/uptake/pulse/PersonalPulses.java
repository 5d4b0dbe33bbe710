package io.uptake.pulse;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.PulseRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseCard;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One person's own view of their pulses: what is open for them now, and what they answered lately. */
@Singleton
public class PersonalPulses {

    /** One of the person's own confidential answers. */
    @Serdeable
    public record MyAnswer(String workflow, String question, String answer, LocalDate on) {
    }

    private static final int RECENT = 10;

    private final PulseRepositories.Deliveries deliveries;
    private final PulseRepositories.Rounds rounds;
    private final PulseRepositories.Answers answers;
    private final CatalogLookup catalog;
    private final Clock clock;
    private final CommentNotice notice;

    PersonalPulses(PulseRepositories.Deliveries deliveries, PulseRepositories.Rounds rounds,
                   PulseRepositories.Answers answers, CatalogLookup catalog, Clock clock,
                   CommentNotice notice) {
        this.deliveries = deliveries;
        this.rounds = rounds;
        this.answers = answers;
        this.catalog = catalog;
        this.clock = clock;
        this.notice = notice;
    }

    /**
     * Rounds still open that reached the person, with their answers filled in where the round keeps them.
     * Anonymous rounds they already answered are left out: their answers cannot be shown, or changed, from here.
     */
    @ReadOnly
    public List<PulseCard> open(long personId) {
        Instant now = clock.instant();
        List<PulseCard> cards = new ArrayList<>();
        for (DeliveryRow delivery : deliveries.findByPersonIdOrderByIdDesc(personId)) {
            Optional<RoundRow> round = rounds.findById(delivery.roundId()).filter(r -> r.openAt(now));
            if (round.isEmpty() || delivery.sentAt() == null || (round.get().anonymous() && delivery.answered())) {
                continue;
            }
            card(round.get()).map(card -> round.get().anonymous() ? card : PulseCards.withAnswers(card,
                    answers.findByDeliveryId(delivery.id()).stream().collect(Collectors.toMap(AnswerRow::question,
                            PulseQuestions.StoredValue::of)), null)).ifPresent(cards::add);
        }
        return cards;
    }

    /** The person's latest confidential answers, newest first; anonymous answers are not linked to anyone. */
    @ReadOnly
    public List<MyAnswer> recentAnswers(long personId) {
        List<MyAnswer> mine = new ArrayList<>();
        for (AnswerRow answer : answers.findByPersonIdOrderByIdDesc(personId)) {
            if (mine.size() == RECENT) {
                break;
            }
            rounds.findById(answer.roundId()).flatMap(this::card).ifPresent(card -> {
                Map<String, AskedQuestion> asked = card.questions().stream()
                        .collect(Collectors.toMap(AskedQuestion::question, q -> q));
                AskedQuestion question = asked.get(answer.question());
                if (question != null) {
                    mine.add(new MyAnswer(card.workflow(), question.prompt(),
                            question.choose(PulseQuestions.StoredValue.of(answer)).chosenLabel(), answer.answeredOn()));
                }
            });
        }
        return mine;
    }

    private Optional<PulseCard> card(RoundRow round) {
        Optional<PulseRow> pulse = catalog.pulse(round.pulseId());
        Optional<WorkflowRow> workflow = pulse.flatMap(p -> catalog.workflow(p.workflowId()));
        return workflow.map(w -> notice.onto(PulseCards.blank(round, pulse.get(), w), w));
    }
}
