package io.uptake.schedule;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.uptake.digest.board.BoardSummarySettings;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Map;

/**
 * Registers the board summary job on weekdays at {@code uptake.board-summary.at} in its zone: the summary is due on
 * the first Monday after a quarter ends, and the other weekdays catch up on whoever could not be sent it then.
 */
@Singleton
class BoardSummarySchedules {

    static final String KEY = "board-summary";

    private final Schedules schedules;
    private final BoardSummarySettings settings;

    BoardSummarySchedules(Schedules schedules, BoardSummarySettings settings) {
        this.schedules = schedules;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!settings.enabled()) {
            schedules.remove(KEY);
            return;
        }
        schedules.weekly(KEY, BoardSummaryJob.class, Map.of(), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                settings.at(), settings.zone());
    }
}
