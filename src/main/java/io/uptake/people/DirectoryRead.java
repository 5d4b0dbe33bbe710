package io.uptake.people;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the first read of the chat directories since start-up is done. Until it is, audiences drawn from chat
 * (channels, groups, team rosters) are not known yet, so whatever needs them waits for it or says so.
 *
 * <p>The first read runs once the scheduler starts ({@link #readFirst}). It counts as done at once when no chat
 * adapter is connected, and when the scheduler is off ({@code uptake.scheduler.enabled=false}): then no job runs
 * by itself, and directory syncs happen only when called. A read that fails (a platform down) still ends the
 * first read: what could not be read is logged, and the daily sync tries again.
 */
@Singleton
public class DirectoryRead {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryRead.class);

    private final List<DirectorySource> sources;
    private final Duration wait;
    private final CountDownLatch first = new CountDownLatch(1);

    DirectoryRead(List<DirectorySource> sources, @Value("${uptake.scheduler.enabled:true}") boolean scheduled,
                  @Value("${uptake.directory.first-read-wait:10s}") Duration wait) {
        this.sources = List.copyOf(sources);
        this.wait = wait;
        if (sources.isEmpty() || !scheduled) {
            first.countDown();
        }
    }

    /** True once the first read is over (or was never needed). */
    public boolean done() {
        return first.getCount() == 0;
    }

    /** Waits for the first read as long as requests may wait ({@code uptake.directory.first-read-wait}, 10 s). */
    public boolean awaitFirstRead() {
        return awaitFirstRead(wait);
    }

    /** Waits up to {@code max} for the first read; false if it is still going on. */
    public boolean awaitFirstRead(Duration max) {
        try {
            return first.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done();
        }
    }

    /** Reads every connected directory once, then marks the first read done, whatever happened. */
    public void readFirst() throws InterruptedException {
        try {
            for (DirectorySource source : sources) {
                try {
                    source.read();
                } catch (RuntimeException e) {
                    LOG.error("First read of the {} directory failed; the daily sync tries again", source.name(), e);
                }
            }
        } finally {
            first.countDown();
            LOG.info("First directory read done ({})", sources.stream().map(DirectorySource::name).toList());
        }
    }
}
