package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Keeps the {@code usage_source} rows: for each source, the newest day it delivered (the cursor the next pull starts
 * from, and the "data as of" other features read) and how its last attempt went. Callers run it inside their own
 * transaction; {@link #begin} comes first in it, so that on PostgreSQL two deliveries of one source take turns.
 */
@Singleton
class UsageSources {

    /** The source of telemetry posted as files through the usage-events endpoints. */
    static final String FILE = "file";

    private final UsageRepositories.Sources sources;

    UsageSources(UsageRepositories.Sources sources) {
        this.sources = sources;
    }

    Optional<UsageSourceRow> find(String source) {
        return sources.findById(source);
    }

    /** Notes an attempt now and answers the source's row as it stands. */
    UsageSourceRow begin(String source, Instant at) {
        sources.attempt(source, at);
        return sources.findById(source).orElseThrow();
    }

    void delivered(UsageSourceRow row, Instant at, @Nullable LocalDate through, int stored) {
        sources.update(row.delivered(at, through, stored));
    }

    /** Notes a pull that found the source hiding who its users are, in a transaction of its own. */
    @Transactional
    public void anonymised(String source, Instant at, String why) {
        sources.update(begin(source, at).anonymised(at, why));
    }

    /** Notes an attempt that delivered nothing, in a transaction of its own unless the caller has one. */
    @Transactional
    public void failed(String source, Instant at, String why) {
        sources.update(begin(source, at).failed(at, why));
    }
}
