package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A test job that notes its key and its data on the injected {@link Runs}. */
@Prototype
@DisallowConcurrentExecution
class RecordingJob implements Job {

    private final Runs runs;

    RecordingJob(Runs runs) {
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.add(context.getJobDetail().getKey().getName() + " " + context.getMergedJobDataMap().getWrappedMap());
    }
}
