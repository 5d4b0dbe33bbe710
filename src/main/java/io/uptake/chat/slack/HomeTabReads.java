package io.uptake.chat.slack;

import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.pulse.PersonalPulses;
import jakarta.inject.Singleton;

/** Reads what one person's Home tab shows. */
@Singleton
class HomeTabReads {

    private final PersonalPulses pulses;
    private final PersonRepository people;

    HomeTabReads(PersonalPulses pulses, PersonRepository people) {
        this.pulses = pulses;
        this.people = people;
    }

    HomeTabContent of(long personId) {
        return new HomeTabContent(pulses.open(personId), pulses.recentAnswers(personId),
                people.findById(personId).map(PersonRow::optedOutAt).isPresent());
    }
}
