package io.uptake.digest;

import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The names owners go by, where a chat platform told Uptake one; a digest shows an owner's email only otherwise. */
@Singleton
public class OwnerNames {

    private final PersonRepository people;

    OwnerNames(PersonRepository people) {
        this.people = people;
    }

    /** Display name by lower-case email, for the emails given that have one. */
    public Map<String, String> of(Collection<String> emails) {
        List<String> keys = emails.stream().filter(e -> e != null && !e.isBlank())
                .map(e -> e.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (keys.isEmpty()) {
            return names;
        }
        for (PersonRow p : people.findByEmailInList(keys)) {
            if (p.email() != null && p.displayName() != null && !p.displayName().isBlank() && p.erasedAt() == null) {
                names.put(p.email().toLowerCase(Locale.ROOT), p.displayName().trim());
            }
        }
        return names;
    }
}
