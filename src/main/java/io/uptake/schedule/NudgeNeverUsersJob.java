package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.nudge.NudgeNeverUsers;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Hourly: nudges people who said "never" to a workflow twice running. */
@Prototype
@DisallowConcurrentExecution
class NudgeNeverUsersJob implements Job {

    private final NudgeNeverUsers useCase;

    NudgeNeverUsersJob(NudgeNeverUsers useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(JobExecutionContext context) {
        useCase.run();
    }
}
