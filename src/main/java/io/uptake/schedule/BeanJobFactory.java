package io.uptake.schedule;

import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes each Quartz job from the application context, so a job is an ordinary bean with constructor injection.
 *
 * <p>The job comes back wrapped so that a failure is logged once, here, with its schedule key; Quartz then sees a
 * normal return and logs nothing more. The schedule carries on and the job runs again at its next fire time.
 */
@Singleton
class BeanJobFactory implements JobFactory {

    private static final Logger LOG = LoggerFactory.getLogger(BeanJobFactory.class);

    private final BeanContext context;

    BeanJobFactory(BeanContext context) {
        this.context = context;
    }

    /** Whether a job of this class can be made; checked at registration so a mistake shows at startup. */
    boolean canMake(Class<? extends Job> jobClass) {
        return context.containsBean(jobClass);
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
        Class<? extends Job> jobClass = bundle.getJobDetail().getJobClass();
        return new Logged(bundle.getJobDetail().getKey().getName(), context.getBean(jobClass));
    }

    /** Runs a job and logs what it throws instead of handing it to Quartz. */
    private record Logged(String key, Job job) implements Job {

        @Override
        public void execute(JobExecutionContext execution) {
            try {
                job.execute(execution);
            } catch (Exception e) {
                execution.setResult(e); // for JobMeters, as Quartz never sees the exception
                LOG.error("Scheduled job {} ({}) failed; it runs again at its next fire time", key,
                        job.getClass().getSimpleName(), e);
            }
        }
    }
}
