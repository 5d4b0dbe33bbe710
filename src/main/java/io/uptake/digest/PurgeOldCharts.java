package io.uptake.digest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.time.RetentionPeriod;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes digest charts stored longer than the retention period ({@code uptake.retention.charts}, default 13
 * weeks); a deleted chart's address then answers 404, so a Teams digest that old shows no image. Slack keeps its
 * own copy of an uploaded chart. Made at startup, so a retention setting that cannot be read stops the service
 * with the setting named, not a job weeks later.
 */
@Context
public class PurgeOldCharts {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeOldCharts.class);

    private final DigestRepositories.Charts charts;
    private final Period retention;
    private final Clock clock;

    PurgeOldCharts(DigestRepositories.Charts charts, @Value("${uptake.retention.charts:13w}") String retention,
                   Clock clock) {
        this.charts = charts;
        this.retention = RetentionPeriod.parse("uptake.retention.charts", retention);
        this.clock = clock;
    }

    /** Returns how many charts were deleted. */
    @Transactional
    public int run() {
        Instant before = cutoff();
        int deleted = charts.deleteCreatedBefore(before);
        if (deleted > 0) {
            LOG.info("Retention: deleted {} digest charts stored before {}", deleted, before);
        }
        return deleted;
    }

    /** The moment before which charts are deleted, as of now. */
    public Instant cutoff() {
        return clock.instant().atZone(ZoneOffset.UTC).minus(retention).toInstant();
    }
}
