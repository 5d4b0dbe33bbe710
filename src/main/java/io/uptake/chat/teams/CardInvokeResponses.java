package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;

/** The two answers a card action gets: a refreshed card in place of the old one, or a short message. */
final class CardInvokeResponses {

    static final String CARD = "application/vnd.microsoft.card.adaptive";
    static final String MESSAGE = "application/vnd.microsoft.activity.message";

    private CardInvokeResponses() {
    }

    static AdaptiveCardInvokeResponse card(ObjectNode card) {
        return of(CARD, card);
    }

    static AdaptiveCardInvokeResponse message(String text) {
        return of(MESSAGE, text);
    }

    private static AdaptiveCardInvokeResponse of(String type, Object value) {
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType(type);
        response.setValue(value);
        return response;
    }
}
