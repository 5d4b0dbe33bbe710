package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.people.DirectoryRead;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Once, as soon as the scheduler starts: reads the chat directories, then opens the rounds missed while down. */
@Prototype
@DisallowConcurrentExecution
class FirstDirectoryReadJob implements Job {

    private final DirectoryRead directory;
    private final PulseSchedules pulses;

    FirstDirectoryReadJob(DirectoryRead directory, PulseSchedules pulses) {
        this.directory = directory;
        this.pulses = pulses;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            directory.readFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        pulses.catchUp();
    }
}
