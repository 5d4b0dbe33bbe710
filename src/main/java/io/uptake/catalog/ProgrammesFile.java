package io.uptake.catalog;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The programmes file as an admin handles it from the dashboard: what is loaded and how the last reload went, a dry
 * run of a new version that says what it would add, change and retire while storing nothing, and applying that
 * version once they confirm it (written over the configured file, then reloaded the usual way).
 *
 * <p>The dry run is the real sync, run in a transaction that is always rolled back: its report is worded exactly as
 * a reload's, and no second copy of the sync's rules can drift from the first.
 */
@Singleton
public class ProgrammesFile {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammesFile.class);
    /** What a new file's mistakes name as their file. */
    static final String NEW_FILE = "new-programmes.yaml";

    /**
     * The file in force and its last load.
     *
     * @param text      the configured file as it is on disk now; null when unreadable or not configured
     * @param sha256    the SHA-256 of the file the catalogue in force was loaded from
     * @param lastLoad  the last attempt to load it, accepted or not
     */
    public record Status(@Nullable String source, @Nullable String text, @Nullable String sha256,
                         @Nullable Instant loadedAt, CatalogState.Status status, @Nullable Load lastLoad,
                         List<CatalogError> problems) {
    }

    /** One attempt to load the file. */
    public record Load(Instant at, boolean accepted, String summary, @Nullable String sha256) {
    }

    /**
     * What a new version of the file would do.
     *
     * @param problems its mistakes; a file with any cannot be applied
     * @param changes  what a load would change, in a reload's words ("workflow x retired: no longer in the file")
     * @param sweeping what it would retire when that is every programme or most workflows, else null
     */
    public record DryRun(String sha256, List<CatalogError> problems, List<String> changes,
                         @Nullable String sweeping) {

        public boolean applicable() {
            return problems.isEmpty();
        }
    }

    /** What applying a new version did. */
    public sealed interface Applied {
        record Loaded(SyncReport report) implements Applied {
        }

        /** Nothing was written: the text had mistakes, differs from the one dry-run, or no file is configured. */
        record Refused(String why) implements Applied {
        }
    }

    /** Thrown to roll a dry run back, carrying what it found. */
    private static final class RolledBack extends RuntimeException {
        private final transient SyncReport report;

        RolledBack(SyncReport report) {
            super("dry run", null, false, false);
            this.report = report;
        }
    }

    private final String configuredPath;
    private final ProgrammesFileReader parser;
    private final SyncCatalog sync;
    private final ReloadCatalog reload;
    private final CatalogState state;
    private final CatalogRepositories.Loads loads;
    private final CatalogRepositories.Programmes programmes;
    private final CatalogRepositories.Workflows workflows;
    private final TransactionOperations<Connection> transactions;

    ProgrammesFile(@Value("${uptake.catalog:}") String configuredPath, ProgrammesFileReader parser,
                   SyncCatalog sync, ReloadCatalog reload, CatalogState state, CatalogRepositories.Loads loads,
                   CatalogRepositories.Programmes programmes, CatalogRepositories.Workflows workflows,
                   TransactionOperations<Connection> transactions) {
        this.configuredPath = configuredPath == null ? "" : configuredPath.trim();
        this.parser = parser;
        this.sync = sync;
        this.reload = reload;
        this.state = state;
        this.loads = loads;
        this.programmes = programmes;
        this.workflows = workflows;
        this.transactions = transactions;
    }

    public Status status() {
        CatalogState.Snapshot snapshot = state.current();
        Optional<Path> file = file();
        String text = file.flatMap(ProgrammesFile::read).orElse(null);
        Load last = loads.findFirstOrderByIdDesc()
                .map(l -> new Load(l.loadedAt(), l.accepted(), l.summary(), l.sha256())).orElse(null);
        String sha = loads.findFirstByAcceptedOrderByIdDesc(true).map(CatalogLoadRow::sha256).orElse(null);
        return new Status(file.map(Path::toString).orElse(null), text, sha, snapshot.loadedAt(), snapshot.status(),
                last, snapshot.lastErrors());
    }

    /** What loading {@code text} as the programmes file would do; stores nothing. */
    public DryRun dryRun(String text) {
        String sha = sha256(text);
        if (text.isBlank()) {
            return new DryRun(sha, List.of(new CatalogError(NEW_FILE, 0, "programmes",
                    "The file is empty: a programmes file declares at least one programme.")), List.of(), null);
        }
        CatalogParse parse = parse(text);
        if (parse instanceof CatalogParse.Invalid invalid) {
            return new DryRun(sha, invalid.errors(), List.of(), null);
        }
        Catalog catalog = ((CatalogParse.Valid) parse).catalog();
        Retirements retirements = Retirements.of(catalog, programmes.findAllOrderById(),
                workflows.findAllOrderById());
        SyncReport report;
        try {
            transactions.executeWrite(status -> {
                throw new RolledBack(sync.sync(catalog));
            });
            throw new IllegalStateException("a dry run's transaction must end by rolling back");
        } catch (RolledBack rolledBack) {
            report = rolledBack.report;
        }
        return new DryRun(sha, List.of(), report.changes(), retirements.sweeping() ? retirements.described() : null);
    }

    /**
     * Writes {@code text} over the configured programmes file and reloads it, retirements confirmed, provided it is
     * the text the admin saw dry-run ({@code sha256}) and it has no mistakes. A reload that does not accept it puts
     * the previous file back.
     */
    public synchronized Applied apply(String text, String sha256) {
        Optional<Path> file = file();
        if (file.isEmpty()) {
            return new Applied.Refused("No programmes file is configured: set UPTAKE_CATALOG to its path and restart.");
        }
        if (!sha256(text).equals(sha256)) {
            return new Applied.Refused("The file differs from the one you checked: run the dry run again.");
        }
        if (text.isBlank() || !(parse(text) instanceof CatalogParse.Valid)) {
            return new Applied.Refused("The file has mistakes and was not applied: run the dry run to see them.");
        }
        Path target = file.get();
        Optional<String> previous = read(target);
        try {
            write(target, text);
            ReloadCatalog.Result result = reload.reload(true);
            if (result instanceof ReloadCatalog.Result.Loaded loaded) {
                LOG.info("Programmes file {} replaced from the dashboard and loaded: {}", target,
                        loaded.report().summary());
                return new Applied.Loaded(loaded.report());
            }
            if (previous.isPresent()) {
                write(target, previous.get());
            }
            return new Applied.Refused("The reload did not accept the file (" + result.getClass().getSimpleName()
                    + "); the previous file was put back.");
        } catch (IOException e) {
            LOG.warn("Could not write the programmes file {}", target, e);
            return new Applied.Refused("The programmes file " + target + " could not be written: " + e.getMessage());
        }
    }

    private CatalogParse parse(String text) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("uptake-dry-run");
            Path file = dir.resolve(NEW_FILE);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return parser.read(file);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a temporary file for the dry run", e);
        } finally {
            delete(dir);
        }
    }

    private Optional<Path> file() {
        return configuredPath.isEmpty() ? Optional.empty()
                : Optional.of(Path.of(configuredPath).toAbsolutePath().normalize());
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Written beside the file and moved over it, so no reader ever sees half a file. */
    private static void write(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".programmes", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void delete(@Nullable Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete the dry run's temporary directory {}", dir, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
