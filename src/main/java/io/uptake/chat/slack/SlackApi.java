package io.uptake.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The Slack Web API client, pointed at {@code SLACK_API_URL}. */
@Factory
class SlackApi {

    @Singleton
    Slack slack(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiBase());
        config.setPrettyResponseLoggingEnabled(false);
        config.setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    /** A client without a token; callers pass the workspace's token per call. */
    @Singleton
    MethodsClient methods(Slack slack) {
        return slack.methods();
    }
}
