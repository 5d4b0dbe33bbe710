package io.uptake.chat.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.uptake.delivery.ChannelAddresses;
import io.uptake.delivery.ChatGateway;
import io.uptake.message.MessageCodec;
import io.uptake.platform.Platform;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * In demo mode the simulator stands in for both platforms: a gateway and the channel addresses of each, so the
 * outbox and the digests reach the simulated Slack workspace and Teams tenant. Demo mode refuses real chat
 * credentials, so no real gateway competes with these.
 */
@Factory
@Requires(property = "uptake.demo", value = "true")
class WebGateways {

    @Singleton
    @Named("web-slack")
    ChatGateway slack(Transcripts transcripts, MessageCodec codec, Clock clock) {
        return new WebChatGateway(Platform.SLACK, transcripts, codec, clock);
    }

    @Singleton
    @Named("web-teams")
    ChatGateway teams(Transcripts transcripts, MessageCodec codec, Clock clock) {
        return new WebChatGateway(Platform.TEAMS, transcripts, codec, clock);
    }

    @Singleton
    @Named("web-slack")
    ChannelAddresses slackChannels() {
        return channels(Platform.SLACK);
    }

    @Singleton
    @Named("web-teams")
    ChannelAddresses teamsChannels() {
        return channels(Platform.TEAMS);
    }

    /** Every channel the programmes file names exists in the simulated workspace or tenant, the bot in it. */
    private static ChannelAddresses channels(Platform platform) {
        return new ChannelAddresses() {
            @Override
            public Platform platform() {
                return platform;
            }

            @Override
            public Optional<Address> address(String channelId) {
                return Optional.of(new Address(WebTenants.of(platform), channelId));
            }
        };
    }
}
