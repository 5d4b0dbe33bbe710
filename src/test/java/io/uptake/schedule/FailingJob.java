package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A test job whose use case fails unexpectedly. */
@Prototype
@DisallowConcurrentExecution
class FailingJob implements Job {

    @Override
    public void execute(JobExecutionContext context) {
        throw new IllegalStateException("database unreachable");
    }
}
