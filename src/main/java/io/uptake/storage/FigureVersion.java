package io.uptake.storage;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The version of the data the figures are computed from: it moves on after every committed write to one of the
 * {@link FigureTables}, so a scorecard computed at one version is the truth for as long as the version stands.
 *
 * <p>Read it before computing and keep the result under the version read: a write committed while computing
 * moves the version on, so that result is never served after it.
 */
@Singleton
public final class FigureVersion {

    private final AtomicLong version = new AtomicLong();

    public long current() {
        return version.get();
    }

    void bump() {
        version.incrementAndGet();
    }
}
