package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.message.BoardSummary;

/**
 * Renders a quarterly board summary for Teams: the short message as an Adaptive Card, sent with the page as an image
 * attachment loaded from its public address ({@link TeamsMessages}). Without a public address the card says where
 * the page can be found instead.
 */
final class BoardCards {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BoardCards() {
    }

    static ObjectNode render(BoardSummary board) {
        ObjectNode card = JSON.objectNode().put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("version", "1.5")
                .put("fallbackText", Texts.cut(board.fallbackText(), 300));
        ArrayNode body = card.putArray("body");
        body.add(text(Texts.cut(board.headline(), 300)).put("weight", "Bolder").put("size", "Medium"));
        for (String line : board.lines()) {
            body.add(text(Texts.cut(line, 2000)));
        }
        if (board.imageUrl() == null) {
            body.add(text("The one-page summary could not be attached: Teams loads images from a public address, "
                    + "and UPTAKE_PUBLIC_URL is not set. The dashboard's programme page links to it.")
                    .put("isSubtle", true).put("size", "Small"));
        } else {
            card.putArray("actions").add(JSON.objectNode().put("type", "Action.OpenUrl")
                    .put("title", "Open the page").put("url", board.imageUrl()));
        }
        return card;
    }

    private static ObjectNode text(String text) {
        return JSON.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
    }
}
