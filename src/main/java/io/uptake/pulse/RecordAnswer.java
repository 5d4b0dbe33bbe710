package io.uptake.pulse;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.PulseRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseCard;
import io.uptake.usage.RecordSelfReport;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Records a person's answer to one question of an open round, replacing their earlier answer to it, and queues
 * the edit that shows the answer in their message.
 *
 * <p>In anonymous rounds the answer row holds no person or delivery: the first answer draws a random ballot
 * secret, only its hash is stored, and the secret travels in the person's own updated message so that later
 * clicks there can change the same answers.
 */
@Singleton
public class RecordAnswer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PulseRepositories.Rounds rounds;
    private final PulseRepositories.Deliveries deliveries;
    private final PulseRepositories.Answers answers;
    private final CatalogLookup catalog;
    private final MessageEdits edits;
    private final RecordSelfReport selfReport;
    private final Clock clock;

    RecordAnswer(PulseRepositories.Rounds rounds, PulseRepositories.Deliveries deliveries,
                 PulseRepositories.Answers answers, CatalogLookup catalog, MessageEdits edits,
                 RecordSelfReport selfReport, Clock clock) {
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.answers = answers;
        this.catalog = catalog;
        this.edits = edits;
        this.selfReport = selfReport;
        this.clock = clock;
    }

    /** A round with its blank card, read once per transaction however many answers it takes. */
    record AskedRound(RoundRow round, String workflowId, PulseCard card) {
    }

    @Transactional
    public AnswerResult record(AnswerCommand command) {
        return record(command, new HashMap<>());
    }

    /** Records one answer, reusing rounds already read in this transaction. */
    @Transactional
    AnswerResult record(AnswerCommand command, Map<Long, Optional<AskedRound>> asked) {
        Instant now = PulseRepositories.millis(clock.instant());
        Optional<AskedRound> found = asked.computeIfAbsent(command.roundId(), this::ask);
        if (found.isEmpty()) {
            return new AnswerResult.NotInvited();
        }
        RoundRow round = found.get().round();
        if (!round.openAt(now)) {
            return new AnswerResult.Closed(round.closedAt() != null ? round.closedAt() : round.closesAt());
        }
        Optional<DeliveryRow> delivery = deliveries.findByRoundIdAndPersonId(command.roundId(), command.personId());
        if (delivery.isEmpty()) {
            return new AnswerResult.NotInvited();
        }
        PulseCard card = found.get().card();
        Optional<AskedQuestion> question = card.questions().stream()
                .filter(q -> q.question().equals(command.question())).findFirst();
        if (question.isEmpty()) {
            return new AnswerResult.Invalid("this pulse does not ask '" + command.question() + "'");
        }
        Optional<PulseQuestions.StoredValue> value = PulseQuestions.value(question.get(), command.value());
        if (value.isEmpty()) {
            return new AnswerResult.Invalid(question.get().freeText()
                    ? "write between 1 and " + PulseQuestions.MAX_TEXT + " characters"
                    : "pick one of the offered answers");
        }
        return round.anonymous()
                ? anonymous(round, delivery.get(), card, command, value.get(), now)
                : confidential(round, delivery.get(), card, command, value.get(), now,
                        found.get().workflowId());
    }

    private Optional<AskedRound> ask(long roundId) {
        return rounds.findById(roundId).map(round -> {
            PulseRow pulse = catalog.pulse(round.pulseId()).orElseThrow();
            WorkflowRow workflow = catalog.workflow(pulse.workflowId()).orElseThrow();
            return new AskedRound(round, workflow.id(), PulseCards.blank(round, pulse, workflow));
        });
    }

    private AnswerResult confidential(RoundRow round, DeliveryRow delivery, PulseCard card, AnswerCommand command,
                                      PulseQuestions.StoredValue value, Instant now, String workflowId) {
        List<AnswerRow> given = answers.findByDeliveryId(delivery.id());
        boolean changed = store(given, round, delivery.id(), delivery.personId(), null, command.question(), value,
                now, now);
        if (changed && PulseQuestions.USAGE_QUESTION.equals(command.question())) {
            AnswerRow usage = answers.findByDeliveryId(delivery.id()).stream()
                    .filter(a -> a.question().equals(command.question())).findFirst().orElseThrow();
            selfReport.record(workflowId, delivery.personId(), round.id(), usage.answeredOn(), usage.valueInt());
        }
        if (!delivery.answered()) {
            deliveries.update(delivery.markAnswered());
        }
        PulseCard current = PulseCards.withAnswers(card, values(given, command.question(), value), null);
        if (changed) {
            edits.showAnswers(round, delivery, current);
        }
        return new AnswerResult.Recorded(changed, current);
    }

    private AnswerResult anonymous(RoundRow round, DeliveryRow delivery, PulseCard card, AnswerCommand command,
                                   PulseQuestions.StoredValue value, Instant now) {
        String ballot = command.ballot();
        if (ballot == null) {
            if (delivery.answered()) {
                return new AnswerResult.UseLatestMessage();
            }
            ballot = newBallot();
        }
        String hash = Ballots.hash(ballot);
        List<AnswerRow> given = answers.findByRoundIdAndBallot(round.id(), hash);
        if (command.ballot() != null && given.isEmpty()) {
            return new AnswerResult.UseLatestMessage();
        }
        boolean changed = store(given, round, null, null, hash, command.question(), value, now, null);
        if (!delivery.answered()) {
            deliveries.update(delivery.markAnswered());
        }
        PulseCard current = PulseCards.withAnswers(card, values(given, command.question(), value), ballot);
        if (changed) {
            edits.showAnswers(round, delivery, current);
        }
        return new AnswerResult.Recorded(changed, current);
    }

    /** Inserts or replaces the answer to one question; returns whether anything changed. */
    private boolean store(List<AnswerRow> given, RoundRow round, Long deliveryId, Long personId, String ballot,
                          String question, PulseQuestions.StoredValue value, Instant now, Instant updatedAt) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Optional<AnswerRow> previous = given.stream().filter(a -> a.question().equals(question)).findFirst();
        AnswerRow row = new AnswerRow(previous.map(AnswerRow::id).orElse(null), round.id(), deliveryId, personId,
                ballot, question, value.valueInt(), value.valueNum(), value.valueText(),
                previous.map(AnswerRow::answeredOn).orElse(day), updatedAt);
        if (previous.isEmpty()) {
            answers.save(row);
            return true;
        }
        if (PulseQuestions.StoredValue.of(previous.get()).equals(PulseQuestions.StoredValue.of(row))) {
            return false;
        }
        answers.update(row);
        return true;
    }

    /** The answers as they now stand: those given before, with the one just recorded in place. */
    private static Map<String, String> values(List<AnswerRow> given, String question,
                                              PulseQuestions.StoredValue value) {
        Map<String, String> values = given.stream()
                .collect(Collectors.toMap(AnswerRow::question, PulseQuestions.StoredValue::of));
        values.put(question, value.shown());
        return values;
    }

    private static String newBallot() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
