package io.uptake.pulse;

import io.micronaut.core.annotation.Order;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.PulseRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.AskedQuestion;
import io.uptake.message.MyData;
import io.uptake.message.PulseCard;
import io.uptake.people.PersonalDataPart;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's pulses for their export and erasure. Erasure deletes their comments and unlinks their other answers
 * from them and from their delivery, so the answers still count in totals but nothing ties them to anyone.
 * Deliveries stay (they say only that a pulse was sent and answered) so response rates keep their counts.
 */
@Singleton
@Order(10)
class PulseDataPart implements PersonalDataPart {

    private final PulseRepositories.Deliveries deliveries;
    private final PulseRepositories.Rounds rounds;
    private final PulseRepositories.Answers answers;
    private final CatalogLookup catalog;

    PulseDataPart(PulseRepositories.Deliveries deliveries, PulseRepositories.Rounds rounds,
                  PulseRepositories.Answers answers, CatalogLookup catalog) {
        this.deliveries = deliveries;
        this.rounds = rounds;
        this.answers = answers;
        this.catalog = catalog;
    }

    @Override
    public List<MyData.Section> export(long personId) {
        Map<Long, Optional<PulseCard>> cards = new HashMap<>();
        List<String> sent = new ArrayList<>();
        for (DeliveryRow d : deliveries.findByPersonIdOrderByIdDesc(personId)) {
            Optional<RoundRow> round = rounds.findById(d.roundId());
            Optional<PulseCard> card = cards.computeIfAbsent(d.roundId(), id -> round.flatMap(this::card));
            String what = card.map(PulseCard::workflow).orElse("a workflow") + " pulse of "
                    + round.map(RoundRow::period).orElse("?");
            String state = d.sentAt() == null ? "not sent" + (d.skippedReason() == null ? "" : " (" + d.skippedReason()
                    + ")") : "sent " + d.sentAt() + (d.answered() ? ", answered" : ", not answered");
            boolean anonymous = round.map(RoundRow::anonymous).orElse(false);
            sent.add(what + ": " + state + (anonymous ? " · anonymous: your answers are not linked to you" : ""));
        }
        List<String> given = new ArrayList<>();
        for (AnswerRow a : answers.findByPersonIdOrderByIdDesc(personId)) {
            Optional<PulseCard> card = cards.computeIfAbsent(a.roundId(), id -> rounds.findById(id)
                    .flatMap(this::card));
            Optional<AskedQuestion> asked = card.flatMap(c -> c.questions().stream()
                    .filter(q -> q.question().equals(a.question())).findFirst());
            String value = PulseQuestions.StoredValue.of(a);
            String label = asked.map(q -> q.choose(value).chosenLabel()).orElse(value);
            given.add(a.answeredOn() + " · " + card.map(PulseCard::workflow).orElse("a workflow") + " · "
                    + asked.map(AskedQuestion::prompt).orElse(a.question()) + " → " + label);
        }
        return List.of(new MyData.Section("Pulses sent to you", sent),
                new MyData.Section("Your answers to confidential pulses", given));
    }

    @Override
    public void erase(long personId, Instant now) {
        for (AnswerRow a : answers.findByPersonIdOrderByIdDesc(personId)) {
            if (a.valueInt() == null && a.valueNum() == null) {
                answers.delete(a);
            } else {
                answers.update(new AnswerRow(a.id(), a.roundId(), null, null, a.ballot(), a.question(), a.valueInt(),
                        a.valueNum(), null, a.answeredOn(), null));
            }
        }
    }

    private Optional<PulseCard> card(RoundRow round) {
        Optional<PulseRow> pulse = catalog.pulse(round.pulseId());
        Optional<WorkflowRow> workflow = pulse.flatMap(p -> catalog.workflow(p.workflowId()));
        return workflow.map(w -> PulseCards.blank(round, pulse.get(), w));
    }
}
