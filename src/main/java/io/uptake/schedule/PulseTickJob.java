package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.pulse.AddLateJoiners;
import io.uptake.pulse.CloseRounds;
import io.uptake.pulse.SendReminders;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Every minute: asks late joiners, sends due reminders, closes rounds whose time is up. */
@Prototype
@DisallowConcurrentExecution
class PulseTickJob implements Job {

    private final AddLateJoiners lateJoiners;
    private final SendReminders reminders;
    private final CloseRounds closeRounds;

    PulseTickJob(AddLateJoiners lateJoiners, SendReminders reminders, CloseRounds closeRounds) {
        this.lateJoiners = lateJoiners;
        this.reminders = reminders;
        this.closeRounds = closeRounds;
    }

    @Override
    public void execute(JobExecutionContext context) {
        lateJoiners.run();
        reminders.run();
        closeRounds.run();
    }
}
