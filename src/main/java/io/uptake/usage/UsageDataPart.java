package io.uptake.usage;

import io.micronaut.core.annotation.Order;
import io.uptake.message.MyData;
import io.uptake.people.PersonalDataPart;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * A person's usage records for their export. Erasure keeps them: they hold only a workflow, a day and a count, and
 * once the person's record is emptied they point at a nameless number, so weekly-use figures keep their counts.
 */
@Singleton
@Order(20)
class UsageDataPart implements PersonalDataPart {

    private final UsageRepositories.Events events;

    UsageDataPart(UsageRepositories.Events events) {
        this.events = events;
    }

    @Override
    public List<MyData.Section> export(long personId) {
        return List.of(new MyData.Section("Your recorded use of workflows", events.findByPersonIdOrderByDay(personId)
                .stream().map(e -> e.day() + " · " + e.workflowId() + " · " + e.count() + (e.count() == 1 ? " use"
                        : " uses") + (UsageEventRow.SELF_REPORT.equals(e.source()) ? " (from your pulse answer)"
                        : " (from the tool's records)")).toList()));
    }

    @Override
    public void erase(long personId, Instant now) {
        // Kept on purpose; see the class comment.
    }
}
