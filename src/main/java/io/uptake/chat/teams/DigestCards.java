package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.message.DigestMessage;
import java.util.List;

/**
 * Renders a digest part as an Adaptive Card 1.5: title, week, the chart by its public address, per programme its
 * verdict and reasons, per workflow a container with its flags and a fact set of the worded figures. Names and
 * values are shortened level by level until the card fits {@link AdaptiveCards#MAX_BYTES}.
 */
public final class DigestCards {

    /** How much text a level allows: names, fact values, and reasons of a programme. */
    private record Level(int name, int value, int reasons) {
    }

    private static final List<Level> LEVELS = List.of(new Level(300, 400, 2000), new Level(120, 160, 600),
            new Level(50, 80, 200), new Level(24, 40, 80));
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DigestCards() {
    }

    /** The card of a digest part; public so that previews show exactly what Teams would get. */
    public static ObjectNode render(DigestMessage digest) {
        ObjectNode card = null;
        for (Level level : LEVELS) {
            card = render(digest, level);
            if (AdaptiveCards.bytes(card) <= AdaptiveCards.MAX_BYTES) {
                return card;
            }
        }
        return withoutLastRows(card);
    }

    /**
     * Even the shortest wording is too large (many workflows with many flags): the last workflows are left out,
     * and the card says how many, rather than sending a card Teams would refuse.
     */
    private static ObjectNode withoutLastRows(ObjectNode card) {
        ArrayNode body = body(card);
        int left = 0;
        while (AdaptiveCards.bytes(card) > AdaptiveCards.MAX_BYTES - 1024 && body.size() > 2) {
            body.remove(body.size() - 1);
            left++;
        }
        body.add(subtle(left + " more lines of this digest did not fit in one Teams card; the digest preview "
                + "in the admin API lists them all."));
        return card;
    }

    private static ObjectNode render(DigestMessage digest, Level level) {
        ObjectNode card = card(digest.fallbackText());
        ArrayNode body = body(card);
        body.add(text(Texts.cut(digest.parts() > 1 ? digest.title() + " (" + digest.part() + "/" + digest.parts()
                + ")" : digest.title(), 200), "Bolder").put("size", "Large"));
        body.add(subtle(digest.period() + ", " + Texts.cut(digest.week(), 20)
                + ". Figures resting on too few answers are hidden, never estimated."));
        if (digest.chartUrl() != null) {
            body.add(JSON.objectNode().put("type", "Image").put("url", digest.chartUrl())
                    .put("altText", "WAU % and trust index over 12 weeks per workflow").put("size", "Stretch"));
        }
        if (digest.programmes().isEmpty()) {
            body.add(text("No active programmes this week.", null));
        }
        for (DigestMessage.Programme programme : digest.programmes()) {
            String name = Texts.cut(programme.name(), level.name());
            body.add(text(programme.continued() ? name + " (continued)" : name + ": " + programme.verdict(),
                    "Bolder").put("size", "Medium").put("spacing", "Large"));
            if (!programme.continued() && !programme.reasons().isEmpty()) {
                body.add(text(Texts.cut(String.join(" · ", programme.reasons()), level.reasons()), null));
            }
            programme.workflows().forEach(row -> body.add(row(row, level)));
        }
        if (digest.part() == digest.parts()) {
            body.add(subtle(DigestMessage.LEGEND));
        }
        return card;
    }

    private static ObjectNode row(DigestMessage.Row row, Level level) {
        ArrayNode items = JSON.arrayNode();
        items.add(text(Texts.cut(row.name(), level.name()) + " · " + row.verdict(), "Bolder"));
        for (String flag : row.flags()) {
            items.add(text("⚠ " + Texts.cut(flag, level.value()), null).put("color", "Attention"));
        }
        ArrayNode facts = JSON.arrayNode();
        row.facts().forEach(f -> facts.add(JSON.objectNode().put("title", Texts.cut(f.label(), 40))
                .put("value", Texts.cut(f.value(), level.value()))));
        items.add(JSON.objectNode().put("type", "FactSet").set("facts", facts));
        return JSON.objectNode().put("type", "Container").put("separator", true).set("items", items);
    }

    private static ObjectNode card(String fallback) {
        ObjectNode card = JSON.objectNode().put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("version", "1.5")
                .put("fallbackText", Texts.cut(fallback, 300));
        card.set("body", JSON.arrayNode());
        return card;
    }

    private static ArrayNode body(ObjectNode card) {
        return (ArrayNode) card.get("body");
    }

    private static ObjectNode text(String text, String weight) {
        ObjectNode block = JSON.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
        return weight == null ? block : block.put("weight", weight);
    }

    private static ObjectNode subtle(String text) {
        return text(text, null).put("isSubtle", true).put("size", "Small");
    }
}
