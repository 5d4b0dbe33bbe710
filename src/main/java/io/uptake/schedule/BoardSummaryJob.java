package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.digest.board.BoardSummaries;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Sends the quarterly board summaries that are due; most weekdays there are none, and it does nothing. */
@Prototype
@DisallowConcurrentExecution
class BoardSummaryJob implements Job {

    private final BoardSummaries summaries;

    BoardSummaryJob(BoardSummaries summaries) {
        this.summaries = summaries;
    }

    @Override
    public void execute(JobExecutionContext context) {
        summaries.run();
    }
}
