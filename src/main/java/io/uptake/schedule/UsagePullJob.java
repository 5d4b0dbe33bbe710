package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.people.DirectoryRead;
import io.uptake.usage.PullUsage;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 6 hours: pulls one AI tool's usage. The pull logs and records its own outcome on the source (a failure in one
 * line, kept as the source's last error), so nothing is thrown from here.
 */
@Prototype
@DisallowConcurrentExecution
class UsagePullJob implements Job {

    static final String SOURCE = "source";
    private static final Logger LOG = LoggerFactory.getLogger(UsagePullJob.class);

    private final PullUsage pullUsage;
    private final DirectoryRead directory;

    UsagePullJob(PullUsage pullUsage, DirectoryRead directory) {
        this.pullUsage = pullUsage;
        this.directory = directory;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String source = context.getMergedJobDataMap().getString(SOURCE);
        // People met before the first directory read would be reported unknown and their days skipped.
        directory.awaitFirstRead();
        PullUsage.Outcome outcome = pullUsage.pull(source);
        if (outcome instanceof PullUsage.Outcome.NotConfigured) {
            LOG.info("Scheduled usage pull from {} skipped: the connector is not configured on this node", source);
        }
    }
}
