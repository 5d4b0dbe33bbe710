package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.util.Optional;

/**
 * Conversation references as stored: only what a proactive message needs (service URL, conversation, tenant,
 * user and bot ids), so a reference stays small enough for the outbox's recipient column.
 */
final class ConversationRefs {

    private ConversationRefs() {
    }

    /** The reference to the conversation an activity came from. */
    static ConversationReference of(Activity activity) {
        ConversationReference full = activity.getConversationReference();
        ConversationAccount conversation = new ConversationAccount(full.getConversation().getId());
        conversation.setTenantId(Activities.tenantId(activity));
        conversation.setConversationType(Activities.conversationType(activity));
        ConversationReference ref = new ConversationReference();
        ref.setChannelId(full.getChannelId());
        ref.setServiceUrl(full.getServiceUrl());
        ref.setConversation(conversation);
        ref.setUser(account(full.getUser()));
        ref.setBot(account(full.getBot()));
        return ref;
    }

    /** A reference to a one-to-one chat the bot opened itself. */
    static ConversationReference personal(String serviceUrl, String conversationId, String tenantId, String userId,
                                          String botId) {
        ConversationAccount conversation = new ConversationAccount(conversationId);
        conversation.setTenantId(tenantId);
        conversation.setConversationType("personal");
        ConversationReference ref = new ConversationReference();
        ref.setChannelId("msteams");
        ref.setServiceUrl(serviceUrl);
        ref.setConversation(conversation);
        ref.setUser(new ChannelAccount(userId));
        ref.setBot(new ChannelAccount(botId));
        return ref;
    }

    static String write(ConversationReference ref) {
        String json = Serialization.toStringSilent(ref);
        if (json == null) {
            throw new IllegalStateException("a conversation reference could not be written as JSON");
        }
        return json;
    }

    /** Reads a stored reference; empty for anything that is not one (for example a bare user id). */
    static Optional<ConversationReference> read(String stored) {
        if (stored == null || !stored.trim().startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode tree = Serialization.jsonToTree(stored);
            ConversationReference ref = Serialization.treeToValue(tree, ConversationReference.class);
            boolean usable = ref != null && ref.getConversation() != null
                    && !Activities.blank(ref.getConversation().getId()) && !Activities.blank(ref.getServiceUrl());
            return usable ? Optional.of(ref) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static ChannelAccount account(ChannelAccount from) {
        if (from == null) {
            return null;
        }
        ChannelAccount account = new ChannelAccount(from.getId());
        account.setAadObjectId(from.getAadObjectId());
        return account;
    }
}
