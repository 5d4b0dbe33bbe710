package io.uptake.scenario;

import java.time.LocalDate;
import java.util.List;

/** What happens in one simulated ISO week, starting on {@code monday}. */
public record WeekPlan(int index, LocalDate monday, List<ScenarioEvent> events) {

    public WeekPlan {
        events = List.copyOf(events);
    }

    public <T extends ScenarioEvent> List<T> events(Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
