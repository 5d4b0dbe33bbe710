package io.uptake.chat.teams;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Routes each kind of Teams activity to its handler. An invoke the bot does not take is answered 404 with a
 * message naming it, as Slack requests of a kind Uptake does not handle are: the SDK's own answer, 501, is a
 * server error, which monitoring reads as the service failing and which Uptake keeps for real failures.
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
        return super.onInvokeActivity(turn).handle((response, failure) -> {
            int status = failure == null ? (response == null ? 200 : response.getStatus())
                    : notTaken(failure) ? 501 : -1;
            if (status == -1) {
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            return status == 501 ? new InvokeResponse(404, Map.of("message", "Uptake does not handle the invoke '"
                    + Texts.cut(turn.getActivity().getName(), 100) + "'.")) : response;
        });
    }

    private static boolean notTaken(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof ActivityHandler.InvokeResponseException e
                && e.createInvokeResponse().getStatus() == 501;
    }
}
