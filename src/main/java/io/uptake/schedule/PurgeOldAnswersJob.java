package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.pulse.PurgeOldAnswers;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Daily: deletes answers older than the retention period. */
@Prototype
@DisallowConcurrentExecution
class PurgeOldAnswersJob implements Job {

    private final PurgeOldAnswers useCase;

    PurgeOldAnswersJob(PurgeOldAnswers useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(JobExecutionContext context) {
        useCase.run();
    }
}
