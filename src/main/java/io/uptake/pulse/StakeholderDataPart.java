package io.uptake.pulse;

import io.micronaut.core.annotation.Order;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.ProgrammeRow;
import io.uptake.message.MyData;
import io.uptake.people.PersonalDataPart;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A person's stakeholder pulses for their export and erasure. Erasure deletes what they wrote and unlinks their
 * other answers from their delivery, so the answers still count but nothing ties them to anyone; the deliveries stay
 * (they say only that the pulse was sent and answered) so the counts of asked and answered stand.
 */
@Singleton
@Order(15)
class StakeholderDataPart implements PersonalDataPart {

    private final StakeholderRepositories.Rounds rounds;
    private final StakeholderRepositories.Deliveries deliveries;
    private final StakeholderRepositories.Answers answers;
    private final CatalogLookup catalog;

    StakeholderDataPart(StakeholderRepositories.Rounds rounds, StakeholderRepositories.Deliveries deliveries,
                        StakeholderRepositories.Answers answers, CatalogLookup catalog) {
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.answers = answers;
        this.catalog = catalog;
    }

    @Override
    public List<MyData.Section> export(long personId) {
        List<String> lines = new ArrayList<>();
        for (StakeholderDeliveryRow d : deliveries.findByPersonIdOrderByIdDesc(personId)) {
            Optional<StakeholderRoundRow> round = rounds.findById(d.roundId());
            String programme = round.flatMap(r -> catalog.programme(r.programmeId())).map(ProgrammeRow::name)
                    .orElse("a programme");
            String what = programme + " stakeholder pulse of " + round.map(StakeholderRoundRow::quarter).orElse("?");
            lines.add(what + (d.answered() ? ": answered" : ": not answered"));
            for (StakeholderAnswerRow a : answers.findByDeliveryId(d.id())) {
                lines.add(what + " · " + a.question() + " → " + RecordStakeholderAnswer.shown(a));
            }
        }
        return lines.isEmpty() ? List.of() : List.of(new MyData.Section("Stakeholder pulses", lines));
    }

    @Override
    public void erase(long personId, Instant now) {
        for (StakeholderDeliveryRow d : deliveries.findByPersonIdOrderByIdDesc(personId)) {
            for (StakeholderAnswerRow a : answers.findByDeliveryId(d.id())) {
                if (a.valueInt() == null) {
                    answers.delete(a);
                } else {
                    answers.update(new StakeholderAnswerRow(a.id(), a.roundId(), null, a.question(), a.valueInt(),
                            null, null, a.answeredOn(), null));
                }
            }
        }
    }
}
