package io.uptake.people;

import io.uptake.message.MyData;
import java.time.Instant;
import java.util.List;

/**
 * What one feature holds about a person, for their export and their erasure. Each feature that stores personal
 * data provides one, so the people package need not know how pulses or usage are stored.
 */
public interface PersonalDataPart {

    /** The sections of the person's export this feature fills. */
    List<MyData.Section> export(long personId);

    /** Removes or unlinks what this feature holds about the person; runs inside the erasure's transaction. */
    void erase(long personId, Instant now);
}
