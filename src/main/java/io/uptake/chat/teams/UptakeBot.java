package io.uptake.chat.teams;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/**
 * Routes each kind of Teams activity to its handler. Invoke names the bot does not handle get the SDK's
 * answer, status 501, which is how the protocol says a bot does not take that invoke.
 */
@Singleton
@Requires(condition = TeamsOn.class)
class UptakeBot extends ActivityHandler {

    static final String ADAPTIVE_CARD_ACTION = "adaptiveCard/action";

    private final Installations installations;
    private final CardActions cardActions;
    private final TextCommands textCommands;
    private final CheckinCardActions checkinActions;

    UptakeBot(Installations installations, CardActions cardActions, TextCommands textCommands,
              CheckinCardActions checkinActions) {
        this.installations = installations;
        this.cardActions = cardActions;
        this.textCommands = textCommands;
        this.checkinActions = checkinActions;
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        Activity reply = CardActions.isAnswer(activity.getValue())
                ? MessageFactory.text(cardActions.submitted(activity))
                : CheckinCardActions.isCheckin(activity.getValue())
                ? MessageFactory.text(checkinActions.submitted(activity))
                : textCommands.reply(turn);
        return turn.sendActivity(reply).thenApply(sent -> null);
    }

    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
        installations.conversationUpdate(turn);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turn) {
        installations.added(turn);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateRemove(TurnContext turn) {
        installations.removed(turn);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
        if (ADAPTIVE_CARD_ACTION.equals(turn.getActivity().getName()) && CheckinCards.VERB.equals(
                Activities.value(turn.getActivity().getValue()).path("action").path("verb").asText())) {
            return CompletableFuture.completedFuture(new InvokeResponse(200,
                    checkinActions.invoked(turn.getActivity())));
        }
        if (ADAPTIVE_CARD_ACTION.equals(turn.getActivity().getName())) {
            return CompletableFuture.completedFuture(new InvokeResponse(200,
                    cardActions.invoked(turn.getActivity())));
        }
        return super.onInvokeActivity(turn);
    }
}
