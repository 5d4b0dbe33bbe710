package io.uptake.demo;

import io.uptake.scenario.ScenarioEvent;
import io.uptake.usage.SourceActivity;
import io.uptake.usage.SourcePull;
import io.uptake.usage.UsageConnector;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo organisation's AI tool: the use its year says a pulled workflow had, answered as a connector would, so
 * the demo's pulled workflow goes through the same pull, cursor and "data as of" as a real tool's. Days are
 * delivered up to yesterday, as a tool publishes days that are over.
 */
final class DemoToolUsage implements UsageConnector {

    private final String source;
    private final Clock clock;
    private final List<SourceActivity> used = new ArrayList<>();

    DemoToolUsage(String source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The tool records this use; a later pull reads it. */
    void record(ScenarioEvent.Used use) {
        used.add(new SourceActivity(use.email(), null, use.day(), SourceActivity.ANY, use.count(), false));
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public SourcePull pull(LocalDate from, LocalDate to) {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        LocalDate last = to.isAfter(yesterday) ? yesterday : to;
        List<SourceActivity> days = used.stream()
                .filter(u -> !u.day().isBefore(from) && !u.day().isAfter(last)).toList();
        return new SourcePull(days, last, false, List.of());
    }
}
