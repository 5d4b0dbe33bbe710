package io.uptake.digest.board;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When the quarterly board summary goes out: {@code uptake.board-summary.at} (default 09:00) in
 * {@code uptake.board-summary.zone} (default UTC) on the first Monday after a quarter ends, unless
 * {@code uptake.board-summary.enabled} is false. A summary not sent then (the service was down, a recipient had no
 * chat account yet) is sent at the same time on a later weekday, for {@link #CATCH_UP_DAYS} days. Read at startup:
 * a setting that cannot be read stops the service with its name.
 */
@Context
public class BoardSummarySettings {

    /** How long after its day a quarter's summary is still sent to whoever has not had it. */
    public static final int CATCH_UP_DAYS = 28;

    private final boolean enabled;
    private final LocalTime at;
    private final ZoneId zone;

    BoardSummarySettings(@Value("${uptake.board-summary.enabled:true}") boolean enabled,
                         @Value("${uptake.board-summary.at:}") String at,
                         @Value("${uptake.board-summary.zone:UTC}") String zone) {
        this.enabled = enabled;
        try {
            // Blank means the default: a default of 09:00 in the placeholder would be cut at its colon.
            this.at = at.isBlank() ? LocalTime.of(9, 0) : LocalTime.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("uptake.board-summary.at must be a time of day such as 09:00, was '"
                    + at + "'", e);
        }
        try {
            this.zone = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("uptake.board-summary.zone must be a time zone such as Europe/London,"
                    + " was '" + zone + "'", e);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public LocalTime at() {
        return at;
    }

    public ZoneId zone() {
        return zone;
    }
}
