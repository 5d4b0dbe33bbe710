package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.checkin.CheckinCommand;
import io.uptake.message.CheckinForm;
import io.uptake.message.CheckinSaved;

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
        if (form.lastValue() != null) {
            value.put("initial_value", form.lastValue());
        }
        blocks.add(input(CheckinCommand.VALUE, SlackText.plainLine("Current value (" + form.unit() + ")", 150),
                value, false));
        ObjectNode status = element("static_select", CheckinCommand.STATUS);
        status.set("placeholder", plain("Choose"));
        ArrayNode statusOptions = status.putArray("options");
        for (String code : STATUSES) {
            statusOptions.add(option(capitalised(CheckinSaved.statusLabel(code)), code));
        }
        blocks.add(input(CheckinCommand.STATUS, "Status", status, false));
        ObjectNode confidence = element("static_select", CheckinCommand.CONFIDENCE);
        confidence.set("placeholder", plain("0 to 10"));
        ArrayNode confidenceOptions = confidence.putArray("options");
        for (int i = 10; i >= 0; i--) {
            confidenceOptions.add(option(Integer.toString(i), Integer.toString(i)));
        }
        blocks.add(input(CheckinCommand.CONFIDENCE, "Confidence you will hit the target (0–10)", confidence, false));
        blocks.add(input(CheckinCommand.EVIDENCE, "Evidence link", element("url_text_input", CheckinCommand.EVIDENCE),
                true));
        ObjectNode note = element("plain_text_input", CheckinCommand.NOTE).put("multiline", true)
                .put("max_length", CheckinCommand.MAX_NOTE);
        blocks.add(input(CheckinCommand.NOTE, "What changed commercially because of this?", note, true));
        return view;
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
