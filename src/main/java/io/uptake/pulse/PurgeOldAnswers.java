package io.uptake.pulse;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.time.RetentionPeriod;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes answers older than the retention period ({@code uptake.retention.answers}, default 24 months), counted
 * from the day they were given. No aggregates are stored, so scores for weeks before the period can no longer be
 * computed once their answers are gone. Deliveries are kept: they hold no answers. Made at startup, so a
 * retention setting that cannot be read stops the service with the setting named, not a job weeks later.
 */
@Context
public class PurgeOldAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeOldAnswers.class);

    private final PulseRepositories.Answers answers;
    private final Period retention;
    private final Clock clock;

    PurgeOldAnswers(PulseRepositories.Answers answers, @Value("${uptake.retention.answers:24m}") String retention,
                    Clock clock) {
        this.answers = answers;
        this.retention = RetentionPeriod.parse("uptake.retention.answers", retention);
        this.clock = clock;
    }

    /** Returns how many answers were deleted. */
    @Transactional
    public int run() {
        LocalDate before = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minus(retention);
        int deleted = answers.deleteAnsweredBefore(before);
        if (deleted > 0) {
            LOG.info("Retention: deleted {} answers given before {}", deleted, before);
        }
        return deleted;
    }

    /** The day before which answers are deleted, as of now. */
    public LocalDate cutoff() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minus(retention);
    }
}
