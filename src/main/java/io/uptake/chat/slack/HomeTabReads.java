package io.uptake.chat.slack;

import io.uptake.people.PersonPreferences;
import io.uptake.pulse.PersonalPulses;
import jakarta.inject.Singleton;

/** Reads what one person's Home tab shows. */
@Singleton
class HomeTabReads {

    private final PersonalPulses pulses;
    private final PersonPreferences people;

    HomeTabReads(PersonalPulses pulses, PersonPreferences people) {
        this.pulses = pulses;
        this.people = people;
    }

    HomeTabContent of(long personId) {
        return new HomeTabContent(pulses.open(personId), pulses.recentAnswers(personId),
                people.optedOut(personId));
    }
}
