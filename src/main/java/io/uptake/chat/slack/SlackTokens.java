package io.uptake.chat.slack;

import java.util.Optional;

/**
 * Finds the bot token for a Slack workspace: the configured one in single-workspace mode, the stored
 * installation's (refreshed when it rotates) in OAuth mode.
 */
public interface SlackTokens {

    Optional<String> botToken(String teamId);
}
