package io.uptake.chat.teams;

import static io.uptake.chat.teams.AdaptiveCards.card;
import static io.uptake.chat.teams.AdaptiveCards.subtle;
import static io.uptake.chat.teams.AdaptiveCards.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.uptake.checkin.CheckinCommand;
import io.uptake.checkin.CheckinResult;
import io.uptake.message.ChatMessage;
import io.uptake.message.CheckinEscalation;
import io.uptake.message.CheckinForm;
import io.uptake.message.CheckinRequest;
import io.uptake.message.CheckinSaved;
import io.uptake.message.OutcomeGapAlert;
import java.util.Map;

/**
 * The check-in messages as Adaptive Cards 1.5. The owner's request is the form itself: inputs named
 * {@code checkin.<field>}, saved by {@code Action.Execute} (with an {@code Action.Submit} fallback); a form
 * refused for bad input comes back with what was typed and a red line under each field at fault, and one with an
 * unlikely value comes back asking whether it is right.
 */
final class CheckinCards {

    static final String VERB = "uptake.checkin";
    static final String MARK_VALUE = "checkin";
    static final String INPUT_PREFIX = "checkin.";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] STATUSES = {"on_track", "at_risk", "off_track"};

    private CheckinCards() {
    }

    static ObjectNode request(CheckinRequest request) {
        return form(request, request.form(), request.reminder() > 0
                ? "Reminder: your " + request.form().period() + " check-in is still due." : null, Map.of(), Map.of(),
                null);
    }

    /** The form again, with what was typed and the field errors, for the invoke response to a refused save. */
    static ObjectNode refused(CheckinForm form, Map<String, String> typed, Map<String, String> errors) {
        return form(new CheckinRequest(form, 0), form, "Not saved yet: please correct the fields marked below.",
                typed, errors, null);
    }

    /**
     * The form again with what was typed, asking whether an unlikely value is right; the toggle confirms exactly
     * that value, so a corrected one is checked afresh.
     */
    static ObjectNode confirming(CheckinForm form, Map<String, String> typed, CheckinResult.ConfirmValue confirm) {
        return form(new CheckinRequest(form, 0), form, "Not saved yet: " + confirm.question(), typed, Map.of(),
                confirm);
    }

    static ObjectNode escalation(CheckinEscalation escalation) {
        ObjectNode card = card(escalation);
        ArrayNode body = (ArrayNode) card.get("body");
        body.add(text("Missed check-in: " + escalation.workflowName(), true));
        body.add(text(escalation.fallbackText(), false));
        body.add(subtle("You get this as the programme's sponsor. The weekly digest flags it too."));
        return card;
    }

    static ObjectNode outcomeGap(OutcomeGapAlert gap) {
        ObjectNode card = card(gap);
        ArrayNode body = (ArrayNode) card.get("body");
        body.add(text(Texts.cut(gap.headline(), 300), true));
        body.add(text(Texts.cut(gap.body(), 3000), false));
        body.add(subtle(Texts.cut(gap.why(), 1000)));
        return card;
    }

    static ObjectNode saved(CheckinSaved saved) {
        ObjectNode card = card(saved);
        ArrayNode body = (ArrayNode) card.get("body");
        body.add(text("Check-in saved", true));
        body.add(text(saved.fallbackText(), false));
        return card;
    }

    private static ObjectNode form(ChatMessage message, CheckinForm form, String headline, Map<String, String> typed,
                                   Map<String, String> errors, @Nullable CheckinResult.ConfirmValue confirm) {
        ObjectNode card = card(message);
        ArrayNode body = (ArrayNode) card.get("body");
        if (headline != null) {
            body.add(text(headline, true).put("color", errors.isEmpty() && confirm == null ? "Default"
                    : "Attention"));
        }
        body.add(text("Outcome check-in: " + Texts.cut(form.workflowName(), 200) + " · " + form.period(), true));
        body.add(text(Texts.cut(form.outcomeLine(), 1500), false));
        if (form.lastValue() != null) {
            body.add(subtle("Last value logged: " + form.lastValue()));
        }
        // Text, not Input.Number: the owner types the number as their locale writes it (47,5), which the
        // service reads; a number input would drop or mangle what it cannot parse itself.
        ObjectNode value = input("Input.Text", CheckinCommand.VALUE, "Current value (" + form.unit() + ")",
                typed, form.lastValue()).put("isRequired", true).put("errorMessage", "Enter a number")
                .put("maxLength", 30);
        value.put("placeholder", "A number, e.g. " + form.target());
        field(body, value, errors, CheckinCommand.VALUE);
        if (confirm != null) {
            body.add(JSON.objectNode().put("type", "Input.Toggle").put("id", INPUT_PREFIX + CheckinCommand.CONFIRM)
                    .put("title", Texts.cut(confirm.answer(), 200)).put("valueOn", confirm.value())
                    .put("valueOff", "").put("value", ""));
        }
        ObjectNode status = input("Input.ChoiceSet", CheckinCommand.STATUS, "Status", typed, null)
                .put("style", "compact").put("isRequired", true).put("errorMessage", "Choose a status");
        ArrayNode statusChoices = status.putArray("choices");
        for (String code : STATUSES) {
            String label = CheckinSaved.statusLabel(code);
            statusChoices.add(JSON.objectNode().put("title", Character.toUpperCase(label.charAt(0))
                    + label.substring(1)).put("value", code));
        }
        field(body, status, errors, CheckinCommand.STATUS);
        ObjectNode confidence = input("Input.ChoiceSet", CheckinCommand.CONFIDENCE,
                "Confidence you will hit the target (0–10)", typed, null).put("style", "compact")
                .put("isRequired", true).put("errorMessage", "Choose 0 to 10");
        ArrayNode confidenceChoices = confidence.putArray("choices");
        for (int i = 10; i >= 0; i--) {
            confidenceChoices.add(JSON.objectNode().put("title", Integer.toString(i)).put("value",
                    Integer.toString(i)));
        }
        field(body, confidence, errors, CheckinCommand.CONFIDENCE);
        field(body, input("Input.Text", CheckinCommand.EVIDENCE, "Evidence link (optional)", typed, null)
                .put("style", "Url").put("maxLength", CheckinCommand.MAX_URL), errors, CheckinCommand.EVIDENCE);
        field(body, input("Input.Text", CheckinCommand.NOTE, "What changed commercially because of this?", typed,
                null).put("isMultiline", true).put("maxLength", CheckinCommand.MAX_NOTE), errors, CheckinCommand.NOTE);
        ObjectNode data = JSON.objectNode().put(CardData.MARK, MARK_VALUE).put("workflowId", form.workflowId());
        ObjectNode submit = JSON.objectNode().put("type", "Action.Submit").put("title", "Save check-in");
        submit.set("data", data.deepCopy());
        ObjectNode execute = JSON.objectNode().put("type", "Action.Execute").put("title", "Save check-in")
                .put("verb", VERB).put("style", "positive");
        execute.set("data", data);
        execute.set("fallback", submit);
        card.putArray("actions").add(execute);
        body.add(subtle("Only the workflow's owner can save it. Any time: type `checkin " + form.workflowId() + "`."));
        return card;
    }

    private static ObjectNode input(String type, String field, String label, Map<String, String> typed,
                                    String initial) {
        ObjectNode input = JSON.objectNode().put("type", type).put("id", INPUT_PREFIX + field)
                .put("label", label);
        String value = typed.getOrDefault(field, initial);
        if (value == null || value.isBlank()) {
            return input;
        }
        input.put("value", Texts.cut(value, CheckinCommand.MAX_NOTE));
        return input;
    }

    private static void field(ArrayNode body, ObjectNode input, Map<String, String> errors, String field) {
        body.add(input);
        if (errors.containsKey(field)) {
            body.add(JSON.objectNode().put("type", "TextBlock").put("text", errors.get(field)).put("wrap", true)
                    .put("color", "Attention").put("size", "Small").put("spacing", "None"));
        }
    }
}
