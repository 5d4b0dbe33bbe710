package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.uptake.checkin.CheckinCommand;
import io.uptake.checkin.CheckinResult;
import io.uptake.message.CheckinForm;
import io.uptake.message.CheckinSaved;
import java.util.Map;

/**
 * The check-in form as a Slack modal: one input block per field, each block and its element named after the
 * field ({@link CheckinCommand#VALUE} ...), so that {@code response_action: errors} can point at them. The
 * workflow id travels in {@code private_metadata}.
 */
final class CheckinModalView {

    static final String CALLBACK = "checkin_modal";
    static final String[] STATUSES = {"on_track", "at_risk", "off_track"};

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CheckinModalView() {
    }

    static ObjectNode render(CheckinForm form) {
        return render(form, Map.of(), null);
    }

    /**
     * The form again with what was typed, asking whether an unlikely value is right: a box next to the value
     * confirms exactly that value, so a corrected one is checked afresh.
     */
    static ObjectNode confirming(CheckinForm form, Map<String, String> typed, CheckinResult.ConfirmValue confirm) {
        return render(form, typed, confirm);
    }

    private static ObjectNode render(CheckinForm form, Map<String, String> typed,
                                     @Nullable CheckinResult.ConfirmValue confirm) {
        ObjectNode view = JSON.objectNode().put("type", "modal").put("callback_id", CALLBACK)
                .put("private_metadata", form.workflowId());
        view.set("title", plain("Outcome check-in"));
        view.set("submit", plain("Save"));
        view.set("close", plain("Cancel"));
        ArrayNode blocks = view.putArray("blocks");
        blocks.add(Blocks.section("*" + SlackText.mrkdwn(form.workflowName(), 140) + "* · "
                + SlackText.mrkdwn(form.period(), 20) + "\n" + SlackText.mrkdwn(form.outcomeLine(), 1500)
                + (form.lastValue() == null ? "" : "\nLast value logged: " + SlackText.mrkdwn(form.lastValue(), 40))));
        ObjectNode value = element("plain_text_input", CheckinCommand.VALUE).put("max_length", 30);
        value.set("placeholder", plain("A number, e.g. " + form.target()));
        String shownValue = typed.getOrDefault(CheckinCommand.VALUE, form.lastValue());
        if (shownValue != null) {
            value.put("initial_value", SlackText.plainLine(shownValue, 30));
        }
        if (confirm != null) {
            blocks.add(Blocks.section(":warning: " + SlackText.mrkdwn(confirm.question(), 1500)));
        }
        blocks.add(input(CheckinCommand.VALUE, SlackText.plainLine("Current value (" + form.unit() + ")", 150),
                value, false));
        if (confirm != null) {
            ObjectNode box = element("checkboxes", CheckinCommand.CONFIRM);
            box.putArray("options").add(option(SlackText.plainLine(confirm.answer(), 75), confirm.value()));
            blocks.add(input(CheckinCommand.CONFIRM, "Check the value", box, true));
        }
        ObjectNode status = element("static_select", CheckinCommand.STATUS);
        status.set("placeholder", plain("Choose"));
        ArrayNode statusOptions = status.putArray("options");
        for (String code : STATUSES) {
            statusOptions.add(option(capitalised(CheckinSaved.statusLabel(code)), code));
        }
        chosen(status, typed.get(CheckinCommand.STATUS));
        blocks.add(input(CheckinCommand.STATUS, "Status", status, false));
        ObjectNode confidence = element("static_select", CheckinCommand.CONFIDENCE);
        confidence.set("placeholder", plain("0 to 10"));
        ArrayNode confidenceOptions = confidence.putArray("options");
        for (int i = 10; i >= 0; i--) {
            confidenceOptions.add(option(Integer.toString(i), Integer.toString(i)));
        }
        chosen(confidence, typed.get(CheckinCommand.CONFIDENCE));
        blocks.add(input(CheckinCommand.CONFIDENCE, "Confidence you will hit the target (0–10)", confidence, false));
        ObjectNode evidence = element("url_text_input", CheckinCommand.EVIDENCE);
        filled(evidence, typed.get(CheckinCommand.EVIDENCE), CheckinCommand.MAX_URL);
        blocks.add(input(CheckinCommand.EVIDENCE, "Evidence link", evidence, true));
        ObjectNode note = element("plain_text_input", CheckinCommand.NOTE).put("multiline", true)
                .put("max_length", CheckinCommand.MAX_NOTE);
        filled(note, typed.get(CheckinCommand.NOTE), CheckinCommand.MAX_NOTE);
        blocks.add(input(CheckinCommand.NOTE, "What changed commercially because of this?", note, true));
        return view;
    }

    /** The receipt that takes the form's place once the check-in is saved. */
    static ObjectNode saved(CheckinSaved saved) {
        ObjectNode view = JSON.objectNode().put("type", "modal");
        view.set("title", plain("Check-in saved"));
        view.set("close", plain("Done"));
        view.putArray("blocks").add(Blocks.section(SlackText.mrkdwn(saved.fallbackText(), Blocks.MAX_TEXT)));
        return view;
    }

    /** Selects the option whose value was chosen, when it is one of the select's options. */
    private static void chosen(ObjectNode select, @Nullable String chosen) {
        for (var option : select.path("options")) {
            if (option.path("value").asText().equals(chosen)) {
                select.set("initial_option", option.deepCopy());
            }
        }
    }

    private static void filled(ObjectNode element, @Nullable String typed, int max) {
        if (typed != null && !typed.isBlank() && typed.length() <= max) {
            element.put("initial_value", typed);
        }
    }

    private static ObjectNode input(String blockId, String label, ObjectNode element, boolean optional) {
        ObjectNode block = JSON.objectNode().put("type", "input").put("block_id", blockId)
                .put("optional", optional);
        block.set("label", plain(label));
        block.set("element", element);
        return block;
    }

    private static ObjectNode element(String type, String actionId) {
        return JSON.objectNode().put("type", type).put("action_id", actionId);
    }

    private static ObjectNode option(String text, String value) {
        ObjectNode option = JSON.objectNode().put("value", value);
        option.set("text", plain(text));
        return option;
    }

    private static ObjectNode plain(String text) {
        return JSON.objectNode().put("type", "plain_text").put("text", text);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
