package io.uptake.chat.archfixture;

import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import java.util.Optional;

/** An adapter that reads the core's repository and rows itself, which the adapter rule must refuse. */
public class AdapterReadingRows {

    Optional<PersonRow> read(PersonRepository people, long id) {
        return people.findById(id);
    }
}
