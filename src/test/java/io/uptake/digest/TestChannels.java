package io.uptake.digest;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.uptake.platform.Platform;
import io.uptake.chat.slack.SlackGateway;
import io.uptake.delivery.ChannelAddresses;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Channel addresses for digest tests that run with the recording gateways instead of the real adapters. */
@Factory
@Requires(property = "uptake.test.fixed-scorecards", value = "true")
class TestChannels {

    static final String TEAM = "T0TEST";
    static final String TENANT = "tenant-1";

    @Singleton
    @Requires(missingBeans = SlackGateway.class)
    ChannelAddresses slack() {
        return new Fixed(Platform.SLACK, id -> Optional.of(new ChannelAddresses.Address(TEAM, id)));
    }

    @Singleton
    @Requires(property = "uptake.test.teams-channels", value = "true")
    ChannelAddresses teams() {
        return new Fixed(Platform.TEAMS, id -> Optional.of(new ChannelAddresses.Address(TENANT, "ref:" + id)));
    }

    private record Fixed(Platform platform, java.util.function.Function<String, Optional<Address>> lookup)
            implements ChannelAddresses {

        @Override
        public Optional<Address> address(String channelId) {
            return lookup.apply(channelId);
        }
    }
}
