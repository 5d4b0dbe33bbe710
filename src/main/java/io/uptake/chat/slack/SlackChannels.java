package io.uptake.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import io.micronaut.context.annotation.Requires;
import io.uptake.platform.Platform;
import io.uptake.delivery.ChannelAddresses;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the workspace of a Slack channel named in the programmes file. With one workspace that is it; with
 * several (OAuth), the first whose bot can see the channel ({@code conversations.info}).
 */
@Singleton
@Requires(bean = SlackWorkspaces.class)
@Requires(bean = SlackGateway.class)
class SlackChannels implements ChannelAddresses {

    private static final Logger LOG = LoggerFactory.getLogger(SlackChannels.class);

    private final SlackWorkspaces workspaces;
    private final MethodsClient methods;

    SlackChannels(SlackWorkspaces workspaces, MethodsClient methods) {
        this.workspaces = workspaces;
        this.methods = methods;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Optional<Address> address(String channelId) {
        List<SlackWorkspaces.Workspace> all = workspaces.all();
        if (all.size() == 1) {
            return Optional.of(new Address(all.get(0).teamId(), channelId));
        }
        for (SlackWorkspaces.Workspace workspace : all) {
            try {
                if (methods.conversationsInfo(r -> r.token(workspace.botToken()).channel(channelId)).isOk()) {
                    return Optional.of(new Address(workspace.teamId(), channelId));
                }
            } catch (IOException | SlackApiException e) {
                LOG.warn("Slack conversations.info for channel {} in team {} failed", channelId,
                        workspace.teamId(), e);
            }
        }
        return Optional.empty();
    }
}
