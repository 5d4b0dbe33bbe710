package io.uptake.schedule;

import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

/**
 * Whether a schedule about to be registered is already there unchanged, in which case its trigger is left alone so
 * that its next fire time is kept (see {@link Schedules}).
 *
 * <p>A one-off trigger is never taken as unchanged: registering it again means "once more, now". A stored job whose
 * class no longer loads, or a trigger Quartz put in its error state, is replaced.
 */
final class RegisteredSchedule {

    private RegisteredSchedule() {
    }

    static boolean sameAs(Scheduler scheduler, JobDetail job, Trigger trigger) {
        try {
            Trigger stored = scheduler.getTrigger(trigger.getKey());
            JobDetail storedJob = scheduler.getJobDetail(job.getKey());
            if (stored == null || storedJob == null
                    || scheduler.getTriggerState(trigger.getKey()) == Trigger.TriggerState.ERROR) {
                return false;
            }
            return storedJob.getJobClass().equals(job.getJobClass())
                    && storedJob.requestsRecovery() == job.requestsRecovery()
                    && storedJob.getJobDataMap().getWrappedMap().equals(job.getJobDataMap().getWrappedMap())
                    && sameTiming(stored, trigger);
        } catch (SchedulerException e) {
            // For example the stored job names a class this version no longer has: register it afresh.
            return false;
        }
    }

    private static boolean sameTiming(Trigger stored, Trigger wanted) {
        if (stored.getMisfireInstruction() != wanted.getMisfireInstruction()) {
            return false;
        }
        if (stored instanceof CronTrigger a && wanted instanceof CronTrigger b) {
            return a.getCronExpression().equals(b.getCronExpression())
                    && a.getTimeZone().getID().equals(b.getTimeZone().getID());
        }
        if (stored instanceof SimpleTrigger a && wanted instanceof SimpleTrigger b) {
            return b.getRepeatCount() == SimpleTrigger.REPEAT_INDEFINITELY && a.getRepeatCount() == b.getRepeatCount()
                    && a.getRepeatInterval() == b.getRepeatInterval();
        }
        return false;
    }
}
