package io.uptake.pulse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When the quarterly stakeholder pulse goes out (configuration {@code uptake.stakeholders}).
 *
 * @param at          the time of day, in {@code zone}, from which a quarter's round may open (weekdays only)
 * @param zone        the zone the quarter and {@code at} are read in
 * @param remindAfter one reminder to those who have not answered, this long after the round opened
 * @param closeAfter  the round closes this long after it opened, and the owner's summary goes out; 6 days, so a
 *                    round opened on a Monday has closed before the next Monday's digests
 */
@ConfigurationProperties("uptake.stakeholders")
public record StakeholderSettings(
        @Bindable(defaultValue = "09:00") LocalTime at,
        @Bindable(defaultValue = "UTC") ZoneId zone,
        @Bindable(defaultValue = "3d") Duration remindAfter,
        @Bindable(defaultValue = "6d") Duration closeAfter) {
}
