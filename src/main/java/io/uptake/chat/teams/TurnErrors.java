package io.uptake.chat.teams;

import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.OnTurnErrorHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when handling an activity fails: logged once, and the person told something went wrong (in the
 * card for a card action, in the chat for a message), so the channel never sees a server error.
 */
@Singleton
@Requires(condition = TeamsOn.class)
class TurnErrors implements OnTurnErrorHandler {

    static final String SORRY = "Sorry, something went wrong on Uptake's side. Please try again in a minute.";

    private static final Logger LOG = LoggerFactory.getLogger(TurnErrors.class);

    @Override
    public CompletableFuture<Void> invoke(TurnContext turn, Throwable error) {
        Activity activity = turn.getActivity();
        LOG.error("Teams {} activity {} in tenant {} failed", activity.getType(), activity.getId(),
                Activities.tenantId(activity), error);
        Activity reply;
        if (activity.isType(ActivityTypes.INVOKE)) {
            reply = new Activity(ActivityTypes.INVOKE_RESPONSE);
            reply.setValue(new InvokeResponse(200, CardInvokeResponses.message(SORRY)));
        } else if (activity.isType(ActivityTypes.MESSAGE)) {
            reply = MessageFactory.text(SORRY);
        } else {
            return CompletableFuture.completedFuture(null);
        }
        return turn.sendActivity(reply).handle((sent, failure) -> {
            if (failure != null) {
                LOG.warn("Could not tell the sender of Teams activity {} that it failed", activity.getId(), failure);
            }
            return null;
        });
    }
}
