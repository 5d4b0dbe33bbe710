package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import io.micronaut.context.annotation.Requires;
import io.uptake.delivery.Envelope;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Where a proactive message goes: the stored conversation reference, or else a one-to-one chat opened with the
 * person in their tenant, whose reference is then stored for next time.
 */
@Singleton
@Requires(condition = TeamsOn.class)
class ChatTargets {

    /** A conversation at a Bot Connector. */
    record Target(String serviceUrl, String conversationId) {
    }

    private final Connectors connectors;
    private final InstallationStore installations;
    private final TeamsPeople people;
    private final TeamsSettings settings;

    ChatTargets(Connectors connectors, InstallationStore installations, TeamsPeople people, TeamsSettings settings) {
        this.connectors = connectors;
        this.installations = installations;
        this.people = people;
        this.settings = settings;
    }

    Target forSend(Envelope envelope) {
        Optional<ConversationReference> ref = ConversationRefs.read(envelope.recipient());
        if (ref.isPresent()) {
            return new Target(ref.get().getServiceUrl(), ref.get().getConversation().getId());
        }
        return open(envelope.tenantId(), envelope.recipient().trim());
    }

    /** The Bot Connector of the recipient's conversation. */
    String serviceUrl(Envelope envelope) {
        return ConversationRefs.read(envelope.recipient()).map(ConversationReference::getServiceUrl)
                .orElseGet(() -> serviceUrl(envelope.tenantId()));
    }

    private Target open(String tenantId, String userId) {
        String serviceUrl = serviceUrl(tenantId);
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(new ChannelAccount(settings.botAccountId()));
        parameters.setMembers(List.of(new ChannelAccount(userId)));
        parameters.setTenantId(tenantId);
        ObjectNode channelData = JsonNodeFactory.instance.objectNode();
        channelData.putObject("tenant").put("id", tenantId);
        parameters.setChannelData(channelData);
        ConversationResourceResponse created = connectors.at(serviceUrl).createConversation(parameters).join();
        if (created == null || Activities.blank(created.getId())) {
            throw new IllegalStateException("Teams opened a chat but gave no conversation id");
        }
        String url = Activities.blank(created.getServiceUrl()) ? serviceUrl : created.getServiceUrl();
        people.rememberChat(tenantId, userId, ConversationRefs.write(ConversationRefs.personal(url, created.getId(),
                tenantId, userId, settings.botAccountId())));
        return new Target(url, created.getId());
    }

    private String serviceUrl(String tenantId) {
        return installations.serviceUrl(tenantId).orElse(settings.serviceUrl());
    }
}
