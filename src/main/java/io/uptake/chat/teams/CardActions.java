package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import io.micronaut.context.annotation.Requires;
import io.uptake.message.PulseAnswered;
import io.uptake.pulse.AnswerCommand;
import io.uptake.pulse.AnswerResult;
import io.uptake.pulse.AnswerWriter;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Answers given on a pulse card: by {@code Action.Execute} (an {@code adaptiveCard/action} invoke, answered with
 * the refreshed card) or by the {@code Action.Submit} fallback (a message whose value holds the card's data).
 */
@Singleton
@Requires(condition = TeamsOn.class)
class CardActions {

    static final String UNKNOWN_ACTION = "That button is not one Uptake knows. Please use the buttons of the "
            + "latest pulse message.";

    private final AnswerWriter answers;
    private final TeamsPeople people;

    CardActions(AnswerWriter answers, TeamsPeople people) {
        this.answers = answers;
        this.people = people;
    }

    /** Whether a message's value is the data of an answer button (the {@code Action.Submit} fallback). */
    static boolean isAnswer(Object value) {
        return CardData.isAnswer(Activities.value(value));
    }

    AdaptiveCardInvokeResponse invoked(Activity activity) {
        JsonNode action = Activities.value(activity.getValue()).path("action");
        if (!CardData.VERB.equals(action.path("verb").asText())) {
            return CardInvokeResponses.message(UNKNOWN_ACTION);
        }
        AnswerResult result = answer(activity, action.path("data"));
        if (result instanceof AnswerResult.Recorded recorded) {
            return CardInvokeResponses.card(AdaptiveCards.render(new PulseAnswered(recorded.card())));
        }
        return CardInvokeResponses.message(result.message());
    }

    /** The reply to an {@code Action.Submit}; the card itself is edited through the outbox. */
    String submitted(Activity activity) {
        return answer(activity, Activities.value(activity.getValue())).message();
    }

    private AnswerResult answer(Activity activity, JsonNode data) {
        Optional<Long> person = activity.getFrom() == null ? Optional.empty()
                : people.find(Activities.tenantId(activity), activity.getFrom().getId());
        if (person.isEmpty()) {
            return new AnswerResult.NotInvited();
        }
        Optional<AnswerCommand> command = CardData.answer(data, person.get());
        if (command.isEmpty()) {
            return new AnswerResult.Invalid("the button's data could not be read");
        }
        return answers.record(command.get());
    }
}
