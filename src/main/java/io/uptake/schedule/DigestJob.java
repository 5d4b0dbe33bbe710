package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.digest.SendDigest;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Sends one subscription's weekly digest. */
@Prototype
@DisallowConcurrentExecution
class DigestJob implements Job {

    static final String SUBSCRIPTION = "subscription";

    private final SendDigest sendDigest;

    DigestJob(SendDigest sendDigest) {
        this.sendDigest = sendDigest;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sendDigest.send(Long.parseLong(context.getMergedJobDataMap().getString(SUBSCRIPTION)));
    }
}
