package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.delivery.Dispatcher;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Sends what is due in the outbox; a pass runs until nothing due is left, so passes never overlap. */
@Prototype
@DisallowConcurrentExecution
class DispatchJob implements Job {

    private final Dispatcher dispatcher;

    DispatchJob(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void execute(JobExecutionContext context) {
        dispatcher.dispatchDue();
    }
}
