package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Once, right after startup: sends the digests whose time came while the service was down. */
@Prototype
@DisallowConcurrentExecution
class DigestCatchUpJob implements Job {

    private final DigestSchedules digests;

    DigestCatchUpJob(DigestSchedules digests) {
        this.digests = digests;
    }

    @Override
    public void execute(JobExecutionContext context) {
        digests.catchUp();
    }
}
