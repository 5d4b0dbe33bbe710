package io.uptake.chat.slack;

import io.micronaut.context.annotation.Prototype;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Daily: forgets handled event ids older than a day (Slack stops retrying after five minutes) and expired install
 * states.
 */
@Prototype
@DisallowConcurrentExecution
class ForgetOldRequests implements Job {

    static final Duration KEEP_EVENTS = Duration.ofDays(1);

    private final InboundDedupe dedupe;
    private final OAuthStates states;
    private final Clock clock;

    ForgetOldRequests(InboundDedupe dedupe, OAuthStates states, Clock clock) {
        this.dedupe = dedupe;
        this.states = states;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        dedupe.forgetBefore(now.minus(KEEP_EVENTS));
        states.forgetExpired(now);
    }
}
