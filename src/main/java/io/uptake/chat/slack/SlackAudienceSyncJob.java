package io.uptake.chat.slack;

import io.micronaut.context.annotation.Prototype;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Daily: resyncs Slack audiences and the people the programmes file names. */
@Prototype
@DisallowConcurrentExecution
class SlackAudienceSyncJob implements Job {

    private final SyncSlackAudiences sync;

    SlackAudienceSyncJob(SyncSlackAudiences sync) {
        this.sync = sync;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            sync.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
