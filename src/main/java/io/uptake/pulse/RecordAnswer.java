package io.uptake.pulse;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.delivery.MessageAddress;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseCard;
import io.uptake.usage.RecordSelfReport;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final PulseRepositories.Deliveries deliveries;
    private final PulseRepositories.Answers answers;
    private final RoundCards cards;
    private final MessageEdits edits;
    private final RecordSelfReport selfReport;
    private final RecordStakeholderAnswer stakeholderAnswers;
    private final Clock clock;
    private final PulseRepositories.ShownComments shown;
    private final CommentScrubber scrubber;

    RecordAnswer(PulseRepositories.Deliveries deliveries, PulseRepositories.Answers answers, RoundCards cards,
                 MessageEdits edits, RecordSelfReport selfReport, RecordStakeholderAnswer stakeholderAnswers,
                 Clock clock, PulseRepositories.ShownComments shown, CommentScrubber scrubber) {
        this.shown = shown;
        this.scrubber = scrubber;
        this.deliveries = deliveries;
        this.answers = answers;
        this.cards = cards;
        this.edits = edits;
        this.selfReport = selfReport;
        this.stakeholderAnswers = stakeholderAnswers;
        this.clock = clock;
    }

    @Transactional
    public AnswerResult record(AnswerCommand command) {
        return recordAll(List.of(command)).get(0);
    }

    /**
     * Records several answers in one transaction, in order. What they need (rounds, deliveries, earlier answers,
     * the messages to edit) is read once for all of them rather than once each.
     */
    @Transactional
    public List<AnswerResult> recordAll(List<AnswerCommand> commands) {
        Instant now = PulseRepositories.millis(clock.instant());
        // The stakeholder pulse's questions are its own, and so are its rounds: its answers go to it.
        AnswerBatch batch = read(commands.stream().filter(c -> !StakeholderCards.asks(c.question())).toList(), now);
        return commands.stream().map(command -> StakeholderCards.asks(command.question())
                ? stakeholderAnswers.record(command, now) : record(command, batch, now)).toList();
    }

    private AnswerBatch read(List<AnswerCommand> commands, Instant now) {
        AnswerBatch batch = new AnswerBatch();
        Map<Long, List<Long>> peopleByRound = new LinkedHashMap<>();
        for (AnswerCommand command : commands) {
            batch.rounds.computeIfAbsent(command.roundId(), id -> cards.ask(id, now));
            peopleByRound.computeIfAbsent(command.roundId(), id -> new ArrayList<>()).add(command.personId());
        }
        List<Long> confidential = new ArrayList<>();
        peopleByRound.forEach((roundId, people) -> batch.rounds.get(roundId).ifPresent(asked -> {
            List<Long> distinct = people.stream().distinct().toList();
            for (DeliveryRow delivery : deliveries.findByRoundIdAndPersonIdInList(roundId, distinct)) {
                batch.deliveries.put(new AnswerBatch.Invited(roundId, delivery.personId()), delivery);
                if (!asked.round().anonymous()) {
                    confidential.add(delivery.id());
                }
            }
            edits.originals(roundId, distinct).forEach((personId, row) ->
                    batch.originals.put(new AnswerBatch.Invited(roundId, personId), row));
        }));
        if (!confidential.isEmpty()) {
            for (AnswerRow answer : answers.findByDeliveryIdInList(confidential)) {
                batch.given.computeIfAbsent(answer.deliveryId(), id -> new ArrayList<>()).add(answer);
            }
        }
        return batch;
    }

    private AnswerResult record(AnswerCommand command, AnswerBatch batch, Instant now) {
        Optional<RoundCards.AskedRound> found = batch.rounds.get(command.roundId());
        if (found.isEmpty()) {
            return new AnswerResult.NotInvited();
        }
        RoundRow round = found.get().round();
        boolean withdrawal = command.question().startsWith(AskedQuestion.WITHDRAW_PREFIX);
        if (!round.openAt(now)) {
            Instant closedAt = round.closedAt() != null ? round.closedAt() : round.closesAt();
            return withdrawal ? new AnswerResult.TooLateToWithdraw(closedAt) : new AnswerResult.Closed(closedAt);
        }
        AnswerBatch.Invited invited = new AnswerBatch.Invited(command.roundId(), command.personId());
        DeliveryRow delivery = batch.deliveries.get(invited);
        if (delivery == null) {
            return new AnswerResult.NotInvited();
        }
        PulseCard card = found.get().card();
        if (withdrawal) {
            return withdraw(round, delivery, card, command, batch, invited);
        }
        PulseQuestions.Checked value = PulseQuestions.check(card, command.question(), command.value());
        if (value.refusal() != null) {
            return value.refusal();
        }
        Optional<MessageAddress> original = Optional.ofNullable(batch.originals.get(invited));
        AnswerResult result = round.anonymous()
                ? anonymous(round, delivery, card, command, value.value(), now, original)
                : confidential(round, delivery, card, command, value.value(), now, found.get().workflowId(),
                        batch.given.computeIfAbsent(delivery.id(), id -> new ArrayList<>()), original);
        if (!delivery.answered() && result instanceof AnswerResult.Recorded) {
            batch.deliveries.put(invited, delivery.markAnswered());
        }
        return result;
    }

    private AnswerResult confidential(RoundRow round, DeliveryRow delivery, PulseCard card, AnswerCommand command,
                                      PulseQuestions.StoredValue value, Instant now, String workflowId,
                                      List<AnswerRow> given, Optional<MessageAddress> original) {
        Map<String, String> values = valuesWith(given, command.question(), value);
        Optional<AnswerRow> stored = store(given, round, delivery.id(), delivery.personId(), null,
                command.question(), value, now, now);
        stored.ifPresent(row -> {
            given.removeIf(a -> a.question().equals(row.question()));
            given.add(row);
            keepShownCopy(row, now);
        });
        if (stored.isPresent() && PulseQuestions.USAGE_QUESTION.equals(command.question())) {
            selfReport.record(workflowId, delivery.personId(), round.id(), stored.get().answeredOn(),
                    stored.get().valueInt());
        }
        if (!delivery.answered()) {
            deliveries.update(delivery.markAnswered());
        }
        PulseCard current = PulseCards.withAnswers(card, values, null);
        if (stored.isPresent()) {
            edits.showAnswers(delivery, current, original);
        }
        return new AnswerResult.Recorded(stored.isPresent(), current);
    }

    private AnswerResult anonymous(RoundRow round, DeliveryRow delivery, PulseCard card, AnswerCommand command,
                                   PulseQuestions.StoredValue value, Instant now, Optional<MessageAddress> original) {
        String ballot = command.ballot();
        if (ballot == null) {
            if (delivery.answered()) {
                return new AnswerResult.UseLatestMessage();
            }
            ballot = newBallot();
        }
        String hash = Ballots.hash(ballot);
        List<AnswerRow> given = answers.findByRoundIdAndBallot(round.id(), hash);
        // A ballot with no answers behind it is refused, unless the person has none either: someone who withdrew
        // their only answer answers again from the same message.
        if (command.ballot() != null && given.isEmpty() && delivery.answered()) {
            return new AnswerResult.UseLatestMessage();
        }
        Optional<AnswerRow> stored = store(given, round, null, null, hash, command.question(), value, now, null);
        stored.ifPresent(row -> keepShownCopy(row, now));
        boolean changed = stored.isPresent();
        if (!delivery.answered()) {
            deliveries.update(delivery.markAnswered());
        }
        PulseCard current = PulseCards.withAnswers(card, valuesWith(given, command.question(), value), ballot);
        if (changed) {
            edits.showAnswers(delivery, current, original);
        }
        return new AnswerResult.Recorded(changed, current);
    }

    /** Keeps beside a comment the copy others may read, with identifying details removed. Never logged. */
    private void keepShownCopy(AnswerRow row, Instant now) {
        if (CommentNotice.KINDS.contains(row.question()) && row.valueText() != null) {
            shown.show(row.id(), scrubber.scrub(row.valueText(), now));
        }
    }

    /**
     * Takes back a person's comment while the round is open: the answer row goes, and with it the copy kept for
     * the owner and sponsor. A person left with no answers counts as not having answered.
     */
    private AnswerResult withdraw(RoundRow round, DeliveryRow delivery, PulseCard card, AnswerCommand command,
                                  AnswerBatch batch, AnswerBatch.Invited invited) {
        String kind = command.question().substring(AskedQuestion.WITHDRAW_PREFIX.length());
        if (!CommentNotice.KINDS.contains(kind)
                || card.questions().stream().noneMatch(q -> q.question().equals(kind))) {
            return new AnswerResult.Invalid("this pulse has no comment to withdraw");
        }
        Optional<MessageAddress> original = Optional.ofNullable(batch.originals.get(invited));
        List<AnswerRow> given;
        String ballot = null;
        if (round.anonymous()) {
            if (command.ballot() == null) {
                return delivery.answered() ? new AnswerResult.UseLatestMessage()
                        : new AnswerResult.Recorded(false, card);
            }
            ballot = command.ballot();
            given = answers.findByRoundIdAndBallot(round.id(), Ballots.hash(ballot));
            if (given.isEmpty()) {
                return new AnswerResult.UseLatestMessage();
            }
        } else {
            given = batch.given.computeIfAbsent(delivery.id(), id -> new ArrayList<>());
        }
        Optional<AnswerRow> comment = given.stream().filter(a -> a.question().equals(kind)).findFirst();
        Map<String, String> values = new HashMap<>();
        given.stream().filter(a -> !a.question().equals(kind))
                .forEach(a -> values.put(a.question(), PulseQuestions.StoredValue.of(a)));
        PulseCard current = PulseCards.withAnswers(card, values, ballot);
        if (comment.isEmpty()) {
            return new AnswerResult.Recorded(false, current);
        }
        answers.delete(comment.get());
        given.remove(comment.get());
        if (given.isEmpty() && delivery.answered()) {
            DeliveryRow unanswered = delivery.unanswered();
            deliveries.update(unanswered);
            batch.deliveries.put(invited, unanswered);
        }
        edits.showAnswers(delivery, current, original);
        return new AnswerResult.Recorded(true, current);
    }

    /** Inserts or replaces the answer to one question; returns the row as stored, or nothing if nothing changed. */
    private Optional<AnswerRow> store(List<AnswerRow> given, RoundRow round, Long deliveryId, Long personId,
                                      String ballot, String question, PulseQuestions.StoredValue value, Instant now,
                                      Instant updatedAt) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Optional<AnswerRow> previous = given.stream().filter(a -> a.question().equals(question)).findFirst();
        AnswerRow row = new AnswerRow(previous.map(AnswerRow::id).orElse(null), round.id(), deliveryId, personId,
                ballot, question, value.valueInt(), value.valueNum(), value.valueText(),
                previous.map(AnswerRow::answeredOn).orElse(day), updatedAt);
        if (previous.isEmpty()) {
            return Optional.of(answers.save(row));
        }
        if (PulseQuestions.StoredValue.of(previous.get()).equals(PulseQuestions.StoredValue.of(row))) {
            return Optional.empty();
        }
        return Optional.of(answers.update(row));
    }

    /** The answers given before, by question, with the one being recorded in place. */
    private static Map<String, String> valuesWith(List<AnswerRow> given, String question,
                                                  PulseQuestions.StoredValue value) {
        Map<String, String> values = new HashMap<>();
        given.forEach(answer -> values.put(answer.question(), PulseQuestions.StoredValue.of(answer)));
        values.put(question, value.shown());
        return values;
    }

    private static String newBallot() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
