package io.uptake.catalog;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue in force and what happened at the last attempt to load the programmes file.
 *
 * <p>With several nodes on one database, a reload on one node changes the stored catalogue for all of them, and the
 * schedules with it (they are in the shared job store), but each node holds its own parsed copy here. So every read
 * first looks at the stored load history: when another node has accepted a load since this node's last one, this
 * node reads its own copy of the programmes file again and takes it in force, provided the copy is the file that
 * node accepted (the same SHA-256). A copy that differs is logged and left; this node's view then catches up at the
 * next load whose file it has. The check is one indexed query per read.
 */
@Singleton
public class CatalogState {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogState.class);

    /** Where the catalogue stands. */
    public enum Status {
        /** No programmes file is configured. */
        NOT_CONFIGURED,
        /** The last load was accepted and is in force. */
        LOADED,
        /** The last load was refused; the catalogue before it (or none) stays in force. */
        REJECTED,
        /**
         * The last file was valid but would have retired every programme or most workflows; it was held back and the
         * catalogue stored from the last accepted file stays in force.
         */
        HELD
    }

    /**
     * @param catalog     the catalogue in force, if any file was ever accepted since start
     * @param loadedAt    when the catalogue in force was accepted
     * @param lastErrors  the mistakes that made the last attempt fail; empty after an accepted load
     */
    public record Snapshot(Status status, @Nullable String source, Optional<Catalog> catalog,
                           @Nullable Instant loadedAt, @Nullable Instant attemptedAt, List<CatalogError> lastErrors) {

        public Snapshot {
            lastErrors = List.copyOf(lastErrors);
        }
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>(
            new Snapshot(Status.NOT_CONFIGURED, null, Optional.empty(), null, null, List.of()));
    private final CatalogRepositories.Loads loads;
    private final ProgrammesFileReader parser;
    private final String configuredPath;
    /** The id of the newest accepted load this node has in force, or has looked at and could not follow. */
    private volatile long followedLoad;

    CatalogState(CatalogRepositories.Loads loads, ProgrammesFileReader parser,
                 @Value("${uptake.catalog:}") String configuredPath) {
        this.loads = loads;
        this.parser = parser;
        this.configuredPath = configuredPath == null ? "" : configuredPath.trim();
    }

    public Snapshot current() {
        followOtherNodes();
        return current.get();
    }

    public Optional<Catalog> catalog() {
        return current().catalog();
    }

    /**
     * The id of the newest accepted load of the programmes file any node stored that this node has taken in force
     * or looked at: it moves on with every accepted reload on any node, so what is kept from the catalogue can be
     * kept under it.
     */
    public long newestLoad() {
        followOtherNodes();
        return followedLoad;
    }

    void accepted(String source, Catalog catalog, Instant at, long loadId) {
        current.set(new Snapshot(Status.LOADED, source, Optional.of(catalog), at, at, List.of()));
        followedLoad = Math.max(followedLoad, loadId);
    }

    /** Takes in force a load another node accepted, if this node's copy of the file is the one it read. */
    private void followOtherNodes() {
        Optional<CatalogLoadRow> newest = loads.findFirstByAcceptedOrderByIdDesc(true);
        if (newest.isEmpty() || newest.get().id() <= followedLoad || configuredPath.isEmpty()) {
            return;
        }
        synchronized (this) {
            CatalogLoadRow load = newest.get();
            if (load.id() <= followedLoad) {
                return;
            }
            followedLoad = load.id();
            Path file = Path.of(configuredPath).toAbsolutePath().normalize();
            if (load.sha256() == null || !Objects.equals(load.sha256(), FileDigest.sha256(file))) {
                LOG.warn("Another node loaded a programmes file (load {}) that differs from this node's copy {}; "
                        + "this node keeps its catalogue until its copy matches and is reloaded", load.id(), file);
                return;
            }
            if (parser.read(file) instanceof CatalogParse.Valid valid) {
                current.set(new Snapshot(Status.LOADED, file.toString(), Optional.of(valid.catalog()),
                        load.loadedAt(), load.loadedAt(), List.of()));
                LOG.info("Programmes file {} taken in force as another node loaded it (load {})", file, load.id());
            }
        }
    }

    void rejected(String source, List<CatalogError> errors, Instant at) {
        current.updateAndGet(s -> new Snapshot(Status.REJECTED, source, s.catalog(), s.loadedAt(), at, errors));
    }

    void held(String source, CatalogError reason, Instant at) {
        current.updateAndGet(s -> new Snapshot(Status.HELD, source, s.catalog(), s.loadedAt(), at, List.of(reason)));
    }

    void notConfigured() {
        current.updateAndGet(s -> new Snapshot(Status.NOT_CONFIGURED, null, s.catalog(), s.loadedAt(), null,
                List.of()));
    }
}
