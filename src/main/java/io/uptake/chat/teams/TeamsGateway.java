package io.uptake.chat.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ResourceResponse;
import io.micronaut.context.annotation.Requires;
import io.uptake.platform.Platform;
import io.uptake.delivery.ChatGateway;
import io.uptake.delivery.Envelope;
import io.uptake.delivery.SendResult;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's way into Teams: proactive one-to-one messages carrying Adaptive Cards, and edits of them in
 * place. The reference it returns ({@link MessageRef}) names the conversation and the activity to edit later.
 */
@Singleton
@Requires(condition = TeamsOn.class)
class TeamsGateway implements ChatGateway {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsGateway.class);

    private final Connectors connectors;
    private final ChatTargets targets;

    TeamsGateway(Connectors connectors, ChatTargets targets) {
        this.connectors = connectors;
        this.targets = targets;
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public SendResult send(Envelope envelope) {
        try {
            Activity activity = TeamsMessages.activity(envelope.message());
            return envelope.isUpdate() ? update(envelope, activity) : post(envelope, activity);
        } catch (RuntimeException e) {
            Optional<SendResult> result = ConnectorErrors.result(e, envelope.isUpdate());
            if (result.isEmpty()) {
                throw e;
            }
            LOG.debug("Teams send of outbox message {} in tenant {}: {}", envelope.outboxId(), envelope.tenantId(),
                    result.get());
            return result.get();
        }
    }

    private SendResult post(Envelope envelope, Activity activity) {
        ChatTargets.Target target = targets.forSend(envelope);
        ResourceResponse sent = connectors.at(target.serviceUrl())
                .sendToConversation(target.conversationId(), activity).join();
        String activityId = sent == null || sent.getId() == null ? "" : sent.getId();
        return new SendResult.Sent(new MessageRef(target.conversationId(), activityId).format());
    }

    private SendResult update(Envelope envelope, Activity activity) {
        Optional<MessageRef> ref = MessageRef.parse(envelope.updateRef().orElseThrow());
        if (ref.isEmpty()) {
            return new SendResult.Rejected("the message to edit has no Teams activity id", false);
        }
        activity.setId(ref.get().activityId());
        connectors.at(targets.serviceUrl(envelope))
                .updateActivity(ref.get().conversationId(), ref.get().activityId(), activity).join();
        return new SendResult.Sent(ref.get().format());
    }
}
