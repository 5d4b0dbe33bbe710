package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.checkin.EscalateMissedCheckins;
import io.uptake.checkin.OpenCheckinCycles;
import io.uptake.checkin.SendCheckinReminders;
import io.uptake.checkin.TellSponsorsOfOutcomeGaps;
import io.uptake.nudge.WarnEarly;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every quarter of an hour: opens the check-in cycles of a new period, sends due reminders and escalates missed
 * check-ins, tells sponsors of claimed outcome values far from the measured ones, and sends pilots' owners their
 * day-60 early warning. Each step is idempotent,
 * so a re-run (or a run on another instance after failover) repeats nothing.
 */
@Prototype
@DisallowConcurrentExecution
class CheckinTickJob implements Job {

    private final OpenCheckinCycles open;
    private final SendCheckinReminders reminders;
    private final EscalateMissedCheckins escalate;
    private final TellSponsorsOfOutcomeGaps gaps;
    private final WarnEarly warnEarly;

    CheckinTickJob(OpenCheckinCycles open, SendCheckinReminders reminders, EscalateMissedCheckins escalate,
                   TellSponsorsOfOutcomeGaps gaps, WarnEarly warnEarly) {
        this.warnEarly = warnEarly;
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
        warnEarly.run();
    }
}
