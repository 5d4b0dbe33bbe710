package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.pulse.OpenRound;
import java.time.Clock;
import java.time.LocalDate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Opens a pulse's round for the day the schedule fired on. */
@Prototype
@DisallowConcurrentExecution
class OpenRoundJob implements Job {

    static final String PULSE = "pulse";

    private final OpenRound openRound;
    private final Clock clock;

    OpenRoundJob(OpenRound openRound, Clock clock) {
        this.openRound = openRound;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String pulseId = context.getMergedJobDataMap().getString(PULSE);
        openRound.scheduled(pulseId, LocalDate.ofInstant(clock.instant(), PulseSchedules.EARLIEST_ZONE));
    }
}
