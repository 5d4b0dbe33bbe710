package io.uptake.chat.slack;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;

/** In single-workspace mode every team uses the configured bot token. */
@Singleton
@Requires(property = "uptake.slack.bot-token", pattern = ".+")
class SingleWorkspaceTokens implements SlackTokens {

    private final SlackSettings settings;

    SingleWorkspaceTokens(SlackSettings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<String> botToken(String teamId) {
        return Optional.of(settings.botToken());
    }
}
