package io.uptake.delivery;

import io.micronaut.context.annotation.Factory;
import io.uptake.platform.Platform;
import io.uptake.chat.slack.SlackGateway;
import io.uptake.time.MutableClock;
import jakarta.inject.Named;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/** Recording gateways for both platforms in every test context. */
@Requires(env = Environment.TEST)
@Requires(property = "uptake.demo", notEquals = "true")
@Factory
class TestGateways {

    /** Left out when a test turns the real Slack gateway on, which then talks to a fake Slack Web API. */
    @Singleton
    @Named("slack")
    @Requires(missingBeans = SlackGateway.class)
    RecordingGateway slack(MutableClock clock) {
        return new RecordingGateway(Platform.SLACK, clock);
    }

    @Singleton
    @Named("teams")
    RecordingGateway teams(MutableClock clock) {
        return new RecordingGateway(Platform.TEAMS, clock);
    }
}
