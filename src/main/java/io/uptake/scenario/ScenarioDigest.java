package io.uptake.scenario;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** A leaders' digest subscription: {@code slack:<channel>} or {@code teams:<team id>}. */
public record ScenarioDigest(String channel, List<String> programmes, DayOfWeek day, LocalTime at, String zone) {

    public ScenarioDigest {
        programmes = List.copyOf(programmes);
    }
}
