package io.uptake.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.Ordered;
import io.uptake.chat.web.WebDirectory;
import io.uptake.scenario.Scenario;
import io.uptake.scenario.Size;
import io.uptake.time.DemoClock;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the demo's database ready before anything else starts (the programmes file's load, the scheduler, the
 * outbox's loop, the HTTP server): on an empty database it plays the demo's year, ending with the last complete
 * week; on a demo database seeded before it only sets the simulated directory up again; on a database that holds
 * real data, or a seeding cut short, it refuses to start, saying why.
 */
@Singleton
@Requires(property = "uptake.demo", value = "true")
class DemoStart implements ApplicationEventListener<StartupEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStart.class);

    private final DemoSettings settings;
    private final DemoDatabase database;
    private final DemoYear year;
    private final WebDirectory directory;
    private final DemoClock clock;

    DemoStart(DemoSettings settings, DemoDatabase database, DemoYear year, WebDirectory directory, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.year = year;
        this.directory = directory;
        this.clock = (DemoClock) clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Optional<DemoMarker> marker = database.marker();
        if (marker.isPresent() && marker.get().seeded()) {
            reuse(marker.get());
        } else if (marker.isPresent()) {
            throw new DemoRefused("The demo database was left half-seeded (seeding began at "
                    + marker.get().startedAt() + " and did not finish). Delete the database file and start again.");
        } else {
            seed();
        }
    }

    private void seed() {
        Map<String, Long> real = database.realData();
        if (real.values().stream().anyMatch(n -> n > 0)) {
            throw new DemoRefused("UPTAKE_DEMO=true, but this database holds data that no demo put there ("
                    + real + "): demo mode only runs on an empty database or its own. Point UPTAKE_DATABASE_URL at "
                    + "another file, or unset it to use uptake-demo.db.");
        }
        DemoYear.checkProgrammes(settings.programmesFile());
        int weeks = settings.weeks();
        LocalDate thisMonday = LocalDate.now(Clock.systemUTC()).with(TemporalAdjusters.previousOrSame(
                DayOfWeek.MONDAY));
        LocalDate firstMonday = thisMonday.minusWeeks(weeks);
        Instant started = Instant.now();
        database.begin(new DemoMarker(settings.seed(), firstMonday, weeks, started, null));
        LOG.info("Demo: seeding {} weeks of a generated organisation (seed {}), {} to {}", weeks, settings.seed(),
                firstMonday, thisMonday.minusDays(1));
        Scenario scenario = scenario(settings.seed(), firstMonday);
        year.play(scenario, weeks);
        clock.followSystem();
        year.openRoundsNow(scenario, weeks);
        database.finish(Instant.now());
        LOG.info("Demo: seeded in {} s; try it at /try", Duration.between(started, Instant.now()).toSeconds());
    }

    private void reuse(DemoMarker marker) {
        Scenario scenario = scenario(marker.seed(), marker.firstMonday());
        DemoPeople people = new DemoPeople(scenario);
        int lastWeek = marker.weeks() - 1;
        directory.replace(people.users(), people.audiencesAt(lastWeek));
        DemoYear.writeProgrammes(settings.programmesFile(), DemoYear.programmes(scenario.catalogueAt(lastWeek)
                .text()));
        clock.followSystem();
        LOG.info("Demo: re-using the demo database seeded at {} ({} weeks from {})",
                marker.seededAt().atOffset(ZoneOffset.UTC), marker.weeks(), marker.firstMonday());
    }

    static Scenario scenario(long seed, LocalDate firstMonday) {
        return Scenario.generate(seed, Size.CI, firstMonday);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
