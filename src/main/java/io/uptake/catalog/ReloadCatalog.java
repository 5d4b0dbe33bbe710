package io.uptake.catalog;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the programmes file named by {@code UPTAKE_CATALOG}: a valid file is synced into the database and put
 * in force; a file with mistakes changes nothing and its errors are kept for the admin to read.
 */
@Singleton
public class ReloadCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadCatalog.class);

    /** What a reload did. */
    public sealed interface Result {
        /** The file was accepted and synced. */
        record Loaded(String source, SyncReport report) implements Result {
        }

        /** The file had mistakes; the catalogue in force did not change. */
        record Rejected(String source, List<CatalogError> errors, boolean previousKept) implements Result {
        }

        /**
         * The file is valid but would retire every programme or more than half of the workflows (an emptied or
         * truncated file looks like this); nothing changed until a reload confirms the retirements.
         */
        record Held(String source, String message) implements Result {
        }

        /** No programmes file is configured. */
        record NotConfigured() implements Result {
        }
    }

    private final String configuredPath;
    private final ProgrammesFileReader parser;
    private final SyncCatalog sync;
    private final CatalogState state;
    private final CatalogRepositories.Loads loads;
    private final CatalogRepositories.Programmes programmes;
    private final CatalogRepositories.Workflows workflows;
    private final ApplicationEventPublisher<CatalogSynced> synced;
    private final Clock clock;

    ReloadCatalog(@Value("${uptake.catalog:}") String configuredPath, ProgrammesFileReader parser,
                  SyncCatalog sync, CatalogState state,
                  CatalogRepositories.Loads loads, CatalogRepositories.Programmes programmes,
                  CatalogRepositories.Workflows workflows, ApplicationEventPublisher<CatalogSynced> synced,
                  Clock clock) {
        this.configuredPath = configuredPath == null ? "" : configuredPath.trim();
        this.parser = parser;
        this.sync = sync;
        this.state = state;
        this.loads = loads;
        this.programmes = programmes;
        this.workflows = workflows;
        this.synced = synced;
        this.clock = clock;
    }

    /** Reloads without confirming sweeping retirements: a file that would retire most of the catalogue is held. */
    public Result reload() {
        return reload(false);
    }

    /**
     * Serialised: two reloads at once would otherwise race on the same rows.
     *
     * @param confirmRetire whether the admin confirmed that the file may retire every programme or more than half
     *                      of the workflows
     */
    public synchronized Result reload(boolean confirmRetire) {
        if (configuredPath.isEmpty()) {
            state.notConfigured();
            return new Result.NotConfigured();
        }
        Path file = Path.of(configuredPath).toAbsolutePath().normalize();
        String source = file.toString();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        CatalogParse parse = parser.read(file);
        if (parse instanceof CatalogParse.Invalid invalid) {
            boolean previousKept = state.catalog().isPresent();
            state.rejected(source, invalid.errors(), now);
            loads.save(new CatalogLoadRow(null, source, FileDigest.sha256(file), false,
                    invalid.errors().size() + " errors", now));
            return new Result.Rejected(source, invalid.errors(), previousKept);
        }
        Catalog catalog = ((CatalogParse.Valid) parse).catalog();
        Retirements retirements = Retirements.of(catalog, programmes.findAllOrderById(),
                workflows.findAllOrderById());
        if (retirements.sweeping() && !confirmRetire) {
            String message = "The programmes file " + source + " would retire " + retirements.described()
                    + "; nothing was changed and the catalogue in force is kept. An emptied or cut-off file looks "
                    + "like this. If the retirements are intended, reload with ?confirm-retire=true.";
            state.held(source, new CatalogError(source, 0, "programmes", message), now);
            loads.save(new CatalogLoadRow(null, source, FileDigest.sha256(file), false,
                    "held: would retire " + retirements.programmes().size() + " programmes and "
                            + retirements.workflows().size() + " workflows", now));
            LOG.warn("{}", message);
            return new Result.Held(source, message);
        }
        SyncReport report = sync.sync(catalog);
        CatalogLoadRow load = loads.save(new CatalogLoadRow(null, source, FileDigest.sha256(file), true,
                report.summary(), now));
        state.accepted(source, catalog, now, load.id());
        LOG.info("Programmes file {} loaded: {} programmes, {} workflows, {} pulses, {} digests; {}", source,
                catalog.programmes().size(), catalog.workflows().size(), catalog.pulses().size(),
                catalog.digests().size(), report.summary());
        synced.publishEvent(new CatalogSynced(report));
        return new Result.Loaded(source, report);
    }
}
