package io.uptake.pulse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When pulses may reach people.
 *
 * @param quietStart   start of quiet hours in each person's own zone; nothing is sent from then
 * @param quietEnd     end of quiet hours
 * @param skipWeekends move pulses and reminders due on a Saturday or Sunday to Monday
 * @param staleAfter   a pulse that could not go out within this long of its time is not sent at all
 * @param defaultZone  the zone for people whose own zone is unknown and pulses that set none
 */
@ConfigurationProperties("uptake.pulses")
public record PulseSettings(
        @Bindable(defaultValue = "20:00") LocalTime quietStart,
        @Bindable(defaultValue = "08:00") LocalTime quietEnd,
        @Bindable(defaultValue = "true") boolean skipWeekends,
        @Bindable(defaultValue = "2h") Duration staleAfter,
        @Bindable(defaultValue = "UTC") ZoneId defaultZone) {
}
