package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.checkin.EscalateMissedCheckins;
import io.uptake.checkin.OpenCheckinCycles;
import io.uptake.checkin.SendCheckinReminders;
import io.uptake.checkin.TellSponsorsOfOutcomeGaps;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every quarter of an hour: opens the check-in cycles of a new period, sends due reminders and escalates missed
 * check-ins, and tells sponsors of claimed outcome values far from the measured ones. Each step is idempotent,
 * so a re-run (or a run on another instance after failover) repeats nothing.
 */
@Prototype
@DisallowConcurrentExecution
class CheckinTickJob implements Job {

    private final OpenCheckinCycles open;
    private final SendCheckinReminders reminders;
    private final EscalateMissedCheckins escalate;
    private final TellSponsorsOfOutcomeGaps gaps;

    CheckinTickJob(OpenCheckinCycles open, SendCheckinReminders reminders, EscalateMissedCheckins escalate,
                   TellSponsorsOfOutcomeGaps gaps) {
        this.open = open;
        this.reminders = reminders;
        this.escalate = escalate;
        this.gaps = gaps;
    }

    @Override
    public void execute(JobExecutionContext context) {
        open.run();
        reminders.run();
        escalate.run();
        gaps.run();
    }
}
