package io.uptake.usage;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Turns a confidential answer to a pulse's usage question into a self-reported usage event, replacing the one an
 * earlier answer in the same round wrote. "Never" is stored as a count of 0, so that a reported "never" can be told
 * apart from no answer; the other answers stand for a typical count in the week asked about.
 *
 * <p>Anonymous rounds write nothing here: a usage event names its person, which an anonymous answer must not.
 */
@Singleton
public class RecordSelfReport {

    /** Uses counted for each usage answer (never, once, a few times, most days). */
    static final int[] COUNTS = {0, 1, 3, 5};

    private final UsageRepositories.Events events;
    private final Clock clock;

    RecordSelfReport(UsageRepositories.Events events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param answer the stored usage answer: 0 never, 1 once, 2 a few times, 3 most days
     * @param day    the day the person first answered in this round
     */
    @Transactional
    public void record(String workflowId, long personId, long roundId, LocalDate day, int answer) {
        if (answer < 0 || answer >= COUNTS.length) {
            throw new IllegalArgumentException("not a usage answer: " + answer);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UsageEventRow row = new UsageEventRow(null, workflowId, personId, day, COUNTS[answer],
                UsageEventRow.SELF_REPORT, "round:" + roundId, now);
        events.findByWorkflowIdAndPersonIdAndDayAndSource(workflowId, personId, day, UsageEventRow.SELF_REPORT)
                .ifPresentOrElse(old -> events.update(new UsageEventRow(old.id(), row.workflowId(), row.personId(),
                        row.day(), row.count(), row.source(), row.batchKey(), now)), () -> events.save(row));
    }
}
