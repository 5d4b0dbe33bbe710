package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.digest.PurgeOldCharts;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Daily: deletes digest charts older than their retention period. */
@Prototype
@DisallowConcurrentExecution
class PurgeOldChartsJob implements Job {

    private final PurgeOldCharts useCase;

    PurgeOldChartsJob(PurgeOldCharts useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(JobExecutionContext context) {
        useCase.run();
    }
}
