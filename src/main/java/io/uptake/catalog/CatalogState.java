package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The catalogue in force and what happened at the last attempt to load the programmes file. */
@Singleton
public class CatalogState {

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

    public Snapshot current() {
        return current.get();
    }

    public Optional<Catalog> catalog() {
        return current.get().catalog();
    }

    void accepted(String source, Catalog catalog, Instant at) {
        current.set(new Snapshot(Status.LOADED, source, Optional.of(catalog), at, at, List.of()));
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
