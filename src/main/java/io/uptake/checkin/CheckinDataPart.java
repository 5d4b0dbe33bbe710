package io.uptake.checkin;

import io.micronaut.core.annotation.Order;
import io.uptake.message.MyData;
import io.uptake.people.PersonalDataPart;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * The outcome check-ins a person logged as an owner, for their export; erasure forgets who logged them and their
 * notes, and keeps the reported values, which belong to the workflow's record rather than to the person.
 */
@Singleton
@Order(30)
class CheckinDataPart implements PersonalDataPart {

    private final CheckinRepositories.Checkins checkins;
    private final CheckinRepositories.Cycles cycles;
    private final CheckinRepositories.ProgrammeCheckins programmeCheckins;

    CheckinDataPart(CheckinRepositories.Checkins checkins, CheckinRepositories.Cycles cycles,
                    CheckinRepositories.ProgrammeCheckins programmeCheckins) {
        this.checkins = checkins;
        this.cycles = cycles;
        this.programmeCheckins = programmeCheckins;
    }

    @Override
    public List<MyData.Section> export(long personId) {
        List<String> lines = checkins.findBySubmittedByOrderBySubmittedAt(personId).stream()
                .map(c -> c.submittedAt().toString().substring(0, 10) + " · "
                        + cycles.findById(c.cycleId()).map(y -> y.workflowId() + " " + y.period()).orElse("?")
                        + " · value " + c.value().stripTrailingZeros().toPlainString() + " · " + c.status()
                        + " · confidence " + c.confidence()
                        + (c.note() == null || c.note().isBlank() ? "" : " · note: " + c.note()))
                .toList();
        return lines.isEmpty() ? List.of() : List.of(new MyData.Section("Outcome check-ins you logged", lines));
    }

    @Override
    public void erase(long personId, Instant now) {
        checkins.forgetSubmitter(personId);
        programmeCheckins.forgetSubmitter(personId);
    }
}
