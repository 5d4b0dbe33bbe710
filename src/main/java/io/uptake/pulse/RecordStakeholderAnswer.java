package io.uptake.pulse;

import io.uptake.delivery.MessageAddress;
import io.uptake.delivery.Outbox;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records a stakeholder's answer to one question of their programme's open round, replacing an earlier one, and
 * queues the edit that shows it in their message. Reached through {@link RecordAnswer}, so every adapter's answer
 * path takes stakeholder answers as it takes pulse answers.
 */
@Singleton
class RecordStakeholderAnswer {

    private final StakeholderRepositories.Rounds rounds;
    private final StakeholderRepositories.Deliveries deliveries;
    private final StakeholderRepositories.Answers answers;
    private final StakeholderCards cards;
    private final Outbox outbox;

    RecordStakeholderAnswer(StakeholderRepositories.Rounds rounds, StakeholderRepositories.Deliveries deliveries,
                            StakeholderRepositories.Answers answers, StakeholderCards cards, Outbox outbox) {
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.answers = answers;
        this.cards = cards;
        this.outbox = outbox;
    }

    /** Joins the caller's transaction. */
    AnswerResult record(AnswerCommand command, Instant now) {
        Optional<StakeholderRoundRow> round = rounds.findById(command.roundId());
        if (round.isEmpty()) {
            return new AnswerResult.NotInvited();
        }
        if (!round.get().openAt(now)) {
            return new AnswerResult.Closed(round.get().closedAt() != null ? round.get().closedAt()
                    : round.get().closesAt());
        }
        Optional<StakeholderDeliveryRow> delivery = deliveries.findByRoundIdAndPersonId(command.roundId(),
                command.personId());
        if (delivery.isEmpty()) {
            return new AnswerResult.NotInvited();
        }
        PulseCard card = cards.blank(round.get());
        PulseQuestions.Checked value = PulseQuestions.check(card, command.question(), command.value());
        if (value.refusal() != null) {
            return value.refusal();
        }
        List<StakeholderAnswerRow> given = answers.findByDeliveryId(delivery.get().id());
        boolean changed = store(given, round.get(), delivery.get(), command.question(), value.value(), now);
        if (!delivery.get().answered()) {
            deliveries.update(delivery.get().markAnswered());
        }
        Map<String, String> values = new HashMap<>();
        given.forEach(a -> values.put(a.question(), shown(a)));
        values.put(command.question(), value.value().shown());
        PulseCard current = StakeholderCards.withAnswers(card, values);
        if (changed) {
            Map<String, MessageAddress> original = outbox.addresses(List.of(
                    OpenStakeholderRounds.question(round.get().id(), command.personId())));
            original.values().forEach(o -> outbox.enqueueEdit("answered", o, command.personId(),
                    new PulseAnswered(current), null));
        }
        return new AnswerResult.Recorded(changed, current);
    }

    private boolean store(List<StakeholderAnswerRow> given, StakeholderRoundRow round,
                          StakeholderDeliveryRow delivery, String question, PulseQuestions.StoredValue value,
                          Instant now) {
        Optional<StakeholderAnswerRow> previous = given.stream().filter(a -> a.question().equals(question))
                .findFirst();
        String text = value.valueText();
        StakeholderAnswerRow row = new StakeholderAnswerRow(previous.map(StakeholderAnswerRow::id).orElse(null),
                round.id(), delivery.id(), question, value.valueInt(), text,
                text == null ? null : StakeholderText.scrub(text),
                previous.map(StakeholderAnswerRow::answeredOn).orElse(LocalDate.ofInstant(now, ZoneOffset.UTC)),
                now);
        if (previous.isEmpty()) {
            answers.save(row);
            return true;
        }
        if (value.shown().equals(shown(previous.get()))) {
            return false;
        }
        answers.update(row);
        return true;
    }

    static String shown(StakeholderAnswerRow row) {
        return row.valueText() != null ? row.valueText() : String.valueOf(row.valueInt());
    }
}
