package io.uptake.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In single-workspace mode, the one workspace the configured bot token belongs to (asked once of auth.test).
 *
 * <p>Keeping it is safe on several nodes: the token comes from configuration, the same on every node, and the
 * workspace a token belongs to never changes. Tokens of workspaces installed over OAuth are read from the database
 * at each use ({@link InstallationTokens}).
 */
@Singleton
@Requires(property = "uptake.slack.bot-token", pattern = ".+")
class SingleWorkspace implements SlackWorkspaces {

    private static final Logger LOG = LoggerFactory.getLogger(SingleWorkspace.class);

    private final MethodsClient methods;
    private final SlackSettings settings;
    private volatile Workspace workspace;

    SingleWorkspace(MethodsClient methods, SlackSettings settings) {
        this.methods = methods;
        this.settings = settings;
    }

    @Override
    public List<Workspace> all() {
        if (workspace == null) {
            try {
                AuthTestResponse auth = methods.authTest(r -> r.token(settings.botToken()));
                if (!auth.isOk()) {
                    LOG.warn("Slack auth.test failed: {}", auth.getError());
                    return List.of();
                }
                workspace = new Workspace(auth.getTeamId(), settings.botToken());
            } catch (IOException | SlackApiException e) {
                LOG.warn("Slack auth.test could not be reached", e);
                return List.of();
            }
        }
        return List.of(workspace);
    }
}
