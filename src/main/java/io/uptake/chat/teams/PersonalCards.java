package io.uptake.chat.teams;

import static io.uptake.chat.teams.AdaptiveCards.subtle;
import static io.uptake.chat.teams.AdaptiveCards.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.message.ChatMessage;
import io.uptake.message.CommentsShared;
import io.uptake.message.EarlyWarning;
import io.uptake.message.ForgetMeConfirm;
import io.uptake.message.MyData;
import io.uptake.message.OwnerAlert;
import io.uptake.message.PlayNudge;
import java.util.Optional;

/**
 * Adaptive Cards for the messages to one person that are not pulses: nudges, alerts, their data and its erasure.
 * Buttons that stand for a typed command carry it in their data, so a click and typing it do the same.
 */
final class PersonalCards {

    static final String COMMAND = "command";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_LINE = 1000;
    /** Leaves room under {@link AdaptiveCards#MAX_BYTES} for the card's frame and closing note. */
    private static final int MAX_DATA_BYTES = AdaptiveCards.MAX_BYTES - 4096;

    private PersonalCards() {
    }

    /** The card for one of these messages, or empty for any other kind. */
    static Optional<ObjectNode> render(ChatMessage message, ObjectNode card) {
        ArrayNode body = (ArrayNode) card.get("body");
        if (message instanceof PlayNudge nudge) {
            body.add(text("Give " + Texts.cut(nudge.workflow(), 140) + " a try", true));
            body.add(text(Texts.cut(nudge.fallbackText(), 3000), false));
            if (nudge.playUrl() != null) {
                card.set("actions", JSON.arrayNode().add(JSON.objectNode().put("type", "Action.OpenUrl")
                        .put("title", "Open the play").put("url", nudge.playUrl())));
            }
            body.add(subtle("At most one nudge a week. Type pause or optout to stop them."));
        } else if (message instanceof OwnerAlert alert) {
            body.add(text(Texts.cut(alert.workflow(), 140) + ": worth a look", true));
            body.add(text("In " + alert.week() + ":", false));
            alert.reasons().forEach(r -> body.add(text("• " + Texts.cut(r, 500), false)));
        } else if (message instanceof EarlyWarning warning) {
            body.add(text("Early warning: " + Texts.cut(warning.workflow(), 140), true));
            body.add(text("Why:", false));
            warning.reasons().forEach(r -> body.add(text("• " + Texts.cut(r, 500), false)));
            body.add(text(warning.question(), true));
            ArrayNode actions = JSON.arrayNode();
            for (String choice : EarlyWarning.CHOICES) {
                actions.add(command(Character.toUpperCase(choice.charAt(0)) + choice.substring(1),
                        EarlyWarning.command(warning.workflowId(), choice)));
            }
            card.set("actions", actions);
            body.add(subtle("You own this pilot in Uptake. Your answer is recorded as your decision; type decide "
                    + Texts.cut(warning.workflowId(), 64) + " scale, fix or stop to change it later."));
        } else if (message instanceof MyData data) {
            myData(body, data);
        } else if (message instanceof CommentsShared comments) {
            comments(card, body, comments);
        } else if (message instanceof ForgetMeConfirm confirm) {
            body.add(text(confirm.fallbackText(), false));
            card.set("actions", JSON.arrayNode().add(command("Yes, erase my data", ForgetMeConfirm.CONFIRM_COMMAND)
                    .put("style", "destructive")).add(command("Cancel", ForgetMeConfirm.CANCEL_COMMAND)));
        } else {
            return Optional.empty();
        }
        return Optional.of(card);
    }

    /** The typed command a button of these cards stands for, if the data is one. */
    static Optional<String> command(JsonNode data) {
        return COMMAND.equals(data.path(CardData.MARK).asText()) && data.path(COMMAND).isTextual()
                ? Optional.of(data.path(COMMAND).asText()) : Optional.empty();
    }

    private static void myData(ArrayNode body, MyData data) {
        body.add(text("Your data in Uptake", true));
        int bytes = 0;
        boolean cut = false;
        for (MyData.Section section : data.sections()) {
            body.add(text(section.title(), true).put("spacing", "Medium"));
            for (String line : section.lines()) {
                String item = "• " + Texts.cut(line, MAX_LINE);
                bytes += item.length() * 2 + 120;
                if (bytes > MAX_DATA_BYTES) {
                    cut = true;
                    break;
                }
                body.add(text(item, false).put("spacing", "None"));
            }
        }
        body.add(subtle(cut ? "This was too long for one card: the rest is left out. Ask your Uptake admin for "
                + "the full export." : "Uptake does not keep this message once sent. Type forget-me to erase "
                + "your data."));
    }

    /**
     * A closed round's comments, grouped by blocker; past the card's size the rest are counted and the card links
     * to the dashboard page that shows them all.
     */
    private static void comments(ObjectNode card, ArrayNode body, CommentsShared shared) {
        body.add(text(Texts.cut(shared.heading(), 200), true));
        body.add(subtle(Texts.cut(shared.lead(), 1000)));
        int bytes = 0;
        int left = 0;
        for (CommentsShared.Group group : shared.groups()) {
            body.add(text(Texts.cut(group.blocker(), 100) + " (" + group.comments().size() + ")", true)
                    .put("spacing", "Medium"));
            for (String comment : group.comments()) {
                String item = "• " + Texts.cut(comment.strip(), MAX_LINE);
                bytes += item.length() * 2 + 120;
                if (bytes > MAX_DATA_BYTES) {
                    left++;
                    continue;
                }
                body.add(text(item, false).put("spacing", "None"));
            }
        }
        if (left > 0) {
            body.add(subtle(left + (left == 1 ? " more comment does" : " more comments do")
                    + " not fit in this card: read them all on the workflow's comments page."));
        }
        if (shared.pageUrl() != null) {
            card.set("actions", JSON.arrayNode().add(JSON.objectNode().put("type", "Action.OpenUrl")
                    .put("title", "Read them all").put("url", shared.pageUrl())));
        }
    }

    private static ObjectNode command(String title, String command) {
        ObjectNode data = JSON.objectNode().put(CardData.MARK, COMMAND).put(COMMAND, command);
        ObjectNode submit = JSON.objectNode().put("type", "Action.Submit").put("title", title);
        submit.set("data", data);
        return submit;
    }
}
