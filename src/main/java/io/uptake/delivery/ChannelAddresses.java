package io.uptake.delivery;

import io.uptake.platform.Platform;
import java.util.Optional;

/**
 * Finds how the outbox reaches a channel named in the programmes file: the platform tenant it lives in and what
 * the gateway takes as the recipient. One implementation per platform, present while that platform is on.
 */
public interface ChannelAddresses {

    /**
     * @param tenantId  the Slack team or Teams tenant
     * @param recipient what the gateway sends to (a Slack channel id, a Teams conversation reference)
     */
    record Address(String tenantId, String recipient) {
    }

    Platform platform();

    /** Where messages to the channel go; empty when the bot cannot reach it (not installed there). */
    Optional<Address> address(String channelId);
}
