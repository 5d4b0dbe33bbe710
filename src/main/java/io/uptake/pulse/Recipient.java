package io.uptake.pulse;

import io.uptake.people.ChatIdentityRow;
import io.uptake.people.PersonRow;
import java.time.ZoneId;

/** An audience member who can be asked: the person, the identity to reach them by, and their zone. */
record Recipient(PersonRow person, ChatIdentityRow identity, ZoneId zone) {

    long personId() {
        return person.id();
    }
}
