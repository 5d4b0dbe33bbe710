package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.nudge.AlertOwners;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Mondays: tells owners whose workflow's last week calls for a look. */
@Prototype
@DisallowConcurrentExecution
class AlertOwnersJob implements Job {

    private final AlertOwners useCase;

    AlertOwnersJob(AlertOwners useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(JobExecutionContext context) {
        useCase.lastWeek();
    }
}
