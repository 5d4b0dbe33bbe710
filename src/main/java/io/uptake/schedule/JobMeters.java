package io.uptake.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.listeners.JobListenerSupport;

/**
 * Times every job run on this node for {@code GET /prometheus}, by job key (one per schedule: {@code pulse:tick},
 * {@code pulse-round:<pulse>}, {@code digest:<subscription>}...) and result: {@code ok}, or {@code failed} when the
 * job threw (to Quartz, or to {@link BeanJobFactory}, which logs it and leaves it as the run's result).
 *
 * <p>Registered on the scheduler as it is created, so it hears every run from the first.
 */
@Singleton
final class JobMeters extends JobListenerSupport implements BeanCreatedEventListener<Scheduler> {

    static final String RUNS = "uptake.jobs.runs";

    private final MeterRegistry registry;

    JobMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Scheduler onCreated(BeanCreatedEvent<Scheduler> event) {
        Scheduler scheduler = event.getBean();
        try {
            scheduler.getListenerManager().addJobListener(this);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot listen to the scheduler's jobs: " + e.getMessage(), e);
        }
        return scheduler;
    }

    @Override
    public String getName() {
        return "uptake-job-meters";
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        Timer.builder(RUNS).description("Scheduled job runs on this node, by job and result")
                .tag("job", context.getJobDetail().getKey().getName())
                .tag("result", failure == null && !(context.getResult() instanceof Exception) ? "ok" : "failed")
                .register(registry).record(Duration.ofMillis(Math.max(0, context.getJobRunTime())));
    }
}
