package io.uptake.chat.teams;

import io.micronaut.context.annotation.Prototype;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Daily: rereads the rosters of the Teams teams that are audiences. */
@Prototype
@DisallowConcurrentExecution
class TeamsRosterJob implements Job {

    private final SyncTeamsRosters sync;

    TeamsRosterJob(SyncTeamsRosters sync) {
        this.sync = sync;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sync.run();
    }
}
