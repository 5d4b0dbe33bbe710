package io.uptake.schedule;

import java.util.Map;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.JobExecutionContextImpl;
import org.quartz.spi.JobFactory;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;

/** Runs a job the way a Quartz worker thread does, through the job factory, but on the test's own thread. */
final class Jobs {

    private Jobs() {
    }

    static void fire(JobFactory factory, Scheduler scheduler, String key, Class<? extends Job> jobClass,
                     Map<String, String> data) throws Exception {
        var detail = JobBuilder.newJob(jobClass).withIdentity(key, Schedules.GROUP)
                .usingJobData(new JobDataMap(data)).build();
        var trigger = (OperableTrigger) TriggerBuilder.newTrigger().withIdentity(key, Schedules.GROUP)
                .forJob(detail).build();
        var bundle = new TriggerFiredBundle(detail, trigger, null, false, trigger.getStartTime(),
                trigger.getStartTime(), null, null);
        Job job = factory.newJob(bundle, scheduler);
        JobExecutionContext context = new JobExecutionContextImpl(scheduler, bundle, job);
        job.execute(context);
    }
}
