package io.uptake.chat.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The Slack app's credentials and where its Web API lives.
 *
 * @param botToken a single workspace's bot token ({@code SLACK_BOT_TOKEN})
 * @param apiUrl   the Web API base, ending in {@code /} ({@code SLACK_API_URL}); tests point it at a fake
 */
@ConfigurationProperties("uptake.slack")
public record SlackSettings(
        @Nullable String signingSecret,
        @Nullable String botToken,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String appToken,
        @Bindable(defaultValue = "https://slack.com/api/") String apiUrl) {

    /** The API base with exactly one trailing slash. */
    public String apiBase() {
        return apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }
}
