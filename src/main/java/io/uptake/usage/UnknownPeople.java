package io.uptake.usage;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Collection;
import java.util.List;

/**
 * The people a source named whom Uptake does not know: how many, and the first few, so an admin can see whom to add
 * (or which GitHub logins to map) without an answer that grows with the organisation.
 *
 * @param examples at most {@value #EXAMPLES} of them, in the order the source gave them
 */
@Serdeable
public record UnknownPeople(int count, List<String> examples) {

    static final int EXAMPLES = 20;

    public UnknownPeople {
        examples = List.copyOf(examples);
    }

    static UnknownPeople of(Collection<String> people) {
        return new UnknownPeople(people.size(), people.stream().limit(EXAMPLES).toList());
    }
}
