package io.uptake.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.uptake.chat.ChatAdapters;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * How the demo is seeded: which generated organisation ({@code UPTAKE_DEMO_SEED}), how many of its weeks are played
 * ({@code UPTAKE_DEMO_WEEKS}, 52 by default; tests play fewer), and the programmes file it writes
 * ({@code uptake.catalog}, set by demo mode to a file of its own).
 */
@Singleton
@Requires(property = "uptake.demo", value = "true")
public class DemoSettings {

    /** The Micronaut environment whose settings (application-demo.yml) make the demo. */
    public static final String ENVIRONMENT = "demo";

    private final long seed;
    private final int weeks;
    private final Path programmesFile;

    DemoSettings(@Value("${uptake.demo-seed:20261206}") long seed, @Value("${uptake.demo-weeks:52}") int weeks,
                 @Value("${uptake.catalog:}") String programmesFile, ChatAdapters adapters, Environment environment) {
        if (!environment.getActiveNames().contains(ENVIRONMENT)) {
            throw new DemoRefused("uptake.demo is true but the demo environment is not active, so the demo's own "
                    + "database and settings are not in force: start with UPTAKE_DEMO=true java -jar uptake.jar, or "
                    + "add MICRONAUT_ENVIRONMENTS=demo.");
        }
        adapters.all().stream().filter(ChatAdapters.Adapter::on).findFirst().ifPresent(on -> {
            throw new DemoRefused("Demo mode talks only to its simulated chat (/try), but the " + on.name()
                    + " adapter is configured: unset its settings to run the demo.");
        });
        if (weeks < 2 || weeks > 52) {
            throw new IllegalStateException("UPTAKE_DEMO_WEEKS is " + weeks + ": the demo plays 2 to 52 weeks");
        }
        if (programmesFile.isBlank()) {
            throw new IllegalStateException("Demo mode needs a programmes file to write (uptake.catalog)");
        }
        this.seed = seed;
        this.weeks = weeks;
        this.programmesFile = Path.of(programmesFile).toAbsolutePath().normalize();
    }

    public long seed() {
        return seed;
    }

    public int weeks() {
        return weeks;
    }

    public Path programmesFile() {
        return programmesFile;
    }
}
