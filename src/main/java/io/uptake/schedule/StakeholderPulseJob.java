package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.pulse.OpenStakeholderRounds;
import io.uptake.pulse.StakeholderRoundTick;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Each weekday: opens the quarter's stakeholder rounds not yet open, reminds, and closes rounds whose time is up. */
@Prototype
@DisallowConcurrentExecution
class StakeholderPulseJob implements Job {

    private final OpenStakeholderRounds open;
    private final StakeholderRoundTick tick;

    StakeholderPulseJob(OpenStakeholderRounds open, StakeholderRoundTick tick) {
        this.open = open;
        this.tick = tick;
    }

    @Override
    public void execute(JobExecutionContext context) {
        open.run();
        tick.run();
    }
}
