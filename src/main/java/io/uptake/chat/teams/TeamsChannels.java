package io.uptake.chat.teams;

import io.micronaut.context.annotation.Requires;
import io.uptake.platform.Platform;
import io.uptake.delivery.ChannelAddresses;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Finds a Teams channel named in the programmes file among the team conversations the bot was installed in;
 * or a team by its id; messages go to that installation's stored conversation reference.
 */
@Singleton
@Requires(condition = TeamsOn.class)
class TeamsChannels implements ChannelAddresses {

    private final InstallationStore installations;

    TeamsChannels(InstallationStore installations) {
        this.installations = installations;
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public Optional<Address> address(String conversationId) {
        return installations.channel(conversationId).or(() -> installations.team(conversationId))
                .map(row -> new Address(row.tenantId(), row.conversationRef()));
    }
}
