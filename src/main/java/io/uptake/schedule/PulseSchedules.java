package io.uptake.schedule;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.CatalogSynced;
import io.uptake.catalog.PulseRow;
import io.uptake.people.DirectoryRead;
import io.uptake.pulse.OpenRound;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the stored pulses' schedules with Quartz at startup and after each catalogue sync, and the
 * recurring pulse job. (The outbox is sent by every node's own {@code io.uptake.delivery.DispatchLoop}.)
 *
 * <p>A round opens when its send time first arrives anywhere on Earth (UTC+14); each person's delivery is then
 * due at the same clock time in their own zone. At startup, a round whose time came while the service was down
 * is opened only for the people whose send time is still ahead or recent; otherwise it is skipped and logged.
 * That catch-up needs the audiences, so it runs after the first directory read: at once when there is none to
 * wait for, otherwise in the one-off job that does the read ({@link FirstDirectoryReadJob}). That job runs on
 * this node ({@link Schedules#onceHere}): each node marks its own first read done.
 */
@Singleton
class PulseSchedules {

    /** The zone where every calendar day starts first. */
    static final ZoneId EARLIEST_ZONE = ZoneOffset.ofHours(14);

    /** The one-off job that reads the chat directories at start-up, then catches up. */
    static final String FIRST_READ_KEY = "directory:first-read";

    private static final Logger LOG = LoggerFactory.getLogger(PulseSchedules.class);

    private final Schedules schedules;
    private final CatalogLookup catalog;
    private final OpenRound openRound;
    private final DirectoryRead directory;
    private final Clock clock;

    PulseSchedules(Schedules schedules, CatalogLookup catalog, OpenRound openRound, DirectoryRead directory,
                   Clock clock) {
        this.schedules = schedules;
        this.catalog = catalog;
        this.openRound = openRound;
        this.directory = directory;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        schedules.every("pulse:tick", PulseTickJob.class, Duration.ofMinutes(1));
        register();
        if (directory.done()) {
            catchUp();
        } else {
            schedules.onceHere(FIRST_READ_KEY, FirstDirectoryReadJob.class);
        }
    }

    @EventListener
    void onCatalogSynced(CatalogSynced event) {
        register();
    }

    /** One weekly trigger per active pulse; pulses that left the catalogue lose theirs. */
    void register() {
        Set<String> wanted = catalog.activePulses().stream().map(p -> key(p.id())).collect(Collectors.toSet());
        for (PulseRow pulse : catalog.activePulses()) {
            schedules.weekly(key(pulse.id()), OpenRoundJob.class, Map.of(OpenRoundJob.PULSE, pulse.id()), days(pulse),
                    LocalTime.parse(pulse.scheduleAt()), EARLIEST_ZONE);
        }
        schedules.keys().stream().filter(k -> k.startsWith("pulse-round:") && !wanted.contains(k))
                .forEach(schedules::remove);
    }

    /** Opens, late, the last round of each pulse whose time came while the service was down, if still useful. */
    void catchUp() {
        ZonedDateTime now = clock.instant().atZone(EARLIEST_ZONE);
        for (PulseRow pulse : catalog.activePulses()) {
            LocalTime at = LocalTime.parse(pulse.scheduleAt());
            Set<DayOfWeek> days = days(pulse);
            for (int back = 0; back < 7; back++) {
                LocalDate date = now.toLocalDate().minusDays(back);
                if (days.contains(date.getDayOfWeek()) && !ZonedDateTime.of(date, at, EARLIEST_ZONE).isAfter(now)) {
                    OpenRound.Result result = openRound.scheduled(pulse.id(), date);
                    if (result instanceof OpenRound.Result.NotOpened notOpened) {
                        LOG.warn("Missed round of pulse {} for {} skipped: {}", pulse.id(), date, notOpened.why());
                    }
                    break;
                }
            }
        }
    }

    private static String key(String pulseId) {
        return "pulse-round:" + pulseId;
    }

    private static Set<DayOfWeek> days(PulseRow pulse) {
        return Arrays.stream(pulse.scheduleDays().split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet());
    }
}
