package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.message.EarlyWarning;
import io.uptake.message.ForgetMeConfirm;
import io.uptake.message.MyData;
import io.uptake.message.OwnerAlert;
import io.uptake.message.PlayNudge;
import java.util.ArrayList;
import java.util.List;

/** Block Kit for the messages to one person that are not pulses: nudges, alerts, their data and its erasure. */
final class PersonalBlocks {

    static final String FORGET_CONFIRM = "uptake_forget_me_confirm";
    static final String FORGET_CANCEL = "uptake_forget_me_cancel";
    /** The early warning's buttons: this, then the choice ({@code uptake_decide_fix}); the value is the workflow. */
    static final String DECIDE = "uptake_decide_";
    private static final int MAX_NAME = 140;
    /**
     * The longest play address linked: with the names and words around it the section stays within its 3,000
     * characters, so the link is never cut into text Slack cannot read. A longer one is left out, since no cut of an
     * address still leads anywhere.
     */
    private static final int MAX_LINK = 2000;

    private PersonalBlocks() {
    }

    static ArrayNode play(PlayNudge nudge) {
        String name = SlackText.plainLine(nudge.workflow(), MAX_NAME);
        StringBuilder text = new StringBuilder("You said in the last two pulses that you have not used *")
                .append(SlackText.mrkdwn(name, MAX_NAME * 2)).append("*. ");
        String link = nudge.playUrl() == null ? null : SlackText.escape(nudge.playUrl()).replace("|", "%7C");
        if (link != null && link.length() <= MAX_LINK) {
            text.append("Here is how the team does it: <").append(link).append("|the play>. ");
        }
        text.append(SlackText.mrkdwn(SlackText.plainLine(nudge.owner(), MAX_NAME), MAX_NAME * 2))
                .append(" owns it and is glad to help.");
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.header("Give " + name + " a try"));
        blocks.add(Blocks.section(text.toString()));
        blocks.add(Blocks.context("At most one nudge a week. `/uptake pause` or `/uptake optout` stops them."));
        return blocks;
    }

    static ArrayNode ownerAlert(OwnerAlert alert) {
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.header(alert.workflow() + ": worth a look"));
        StringBuilder text = new StringBuilder("In ").append(SlackText.escape(alert.week())).append(":");
        for (String reason : alert.reasons()) {
            text.append("\n• ").append(SlackText.mrkdwn(reason, 500));
        }
        blocks.add(Blocks.section(SlackText.cut(text.toString(), Blocks.MAX_TEXT)));
        blocks.add(Blocks.context("You own this workflow in Uptake, so these figures come to you."));
        return blocks;
    }

    static ArrayNode earlyWarning(EarlyWarning warning) {
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.header("Early warning: " + SlackText.plainLine(warning.workflow(), MAX_NAME)));
        StringBuilder text = new StringBuilder("Why:");
        for (String reason : warning.reasons()) {
            text.append("\n• ").append(SlackText.mrkdwn(reason, 500));
        }
        text.append("\n\n*").append(SlackText.escape(warning.question())).append("*");
        blocks.add(Blocks.section(SlackText.cut(text.toString(), Blocks.MAX_TEXT)));
        List<ObjectNode> buttons = new ArrayList<>();
        for (String choice : EarlyWarning.CHOICES) {
            buttons.add(Blocks.button(Character.toUpperCase(choice.charAt(0)) + choice.substring(1), DECIDE + choice,
                    warning.workflowId(), false));
        }
        blocks.add(Blocks.actions(buttons));
        blocks.add(Blocks.context("You own this pilot in Uptake. Your answer is recorded as your decision and shown "
                + "with its figures; you can change it later with `/uptake decide " + warning.workflowId()
                + " scale|fix|stop`."));
        return blocks;
    }

    /**
     * Each section's lines in as few blocks as fit; what would pass Slack's 50 blocks or the text a message may hold
     * ({@link Blocks#MAX_MESSAGE_TEXT}) is said to be left out.
     */
    static ArrayNode myData(MyData data) {
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.header("Your data in Uptake"));
        List<ObjectNode> body = new ArrayList<>();
        for (MyData.Section section : data.sections()) {
            StringBuilder chunk = new StringBuilder("*").append(SlackText.escape(section.title())).append("*");
            for (String line : section.lines()) {
                String item = "\n• " + SlackText.mrkdwn(line, 1000);
                if (chunk.length() + item.length() > Blocks.MAX_TEXT) {
                    body.add(Blocks.section(chunk.toString()));
                    chunk = new StringBuilder();
                }
                chunk.append(item);
            }
            body.add(Blocks.section(chunk.toString().strip().isEmpty() ? "…" : chunk.toString()));
        }
        int room = Blocks.MAX_BLOCKS - 2;
        int roomText = Blocks.MAX_MESSAGE_TEXT - Blocks.textLength(blocks) - 200;
        int shown = 0;
        for (ObjectNode section : body) {
            if (shown == room || Blocks.textLength(section) > roomText) {
                break;
            }
            roomText -= Blocks.textLength(section);
            blocks.add(section);
            shown++;
        }
        blocks.add(Blocks.context(shown < body.size()
                ? "This was too long for one message: the oldest items are left out. Ask your Uptake admin for "
                + "the full export."
                : "This message is not kept by Uptake once sent. `/uptake forget-me` erases your data."));
        return blocks;
    }

    static ArrayNode forgetMe(ForgetMeConfirm confirm) {
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.section(SlackText.mrkdwn(confirm.fallbackText().replace(" Reply `"
                + ForgetMeConfirm.CONFIRM_COMMAND + "` to go ahead.", ""), Blocks.MAX_TEXT)));
        ObjectNode yes = Blocks.button("Yes, erase my data", FORGET_CONFIRM, "confirm", false).put("style", "danger");
        blocks.add(Blocks.actions(List.of(yes, Blocks.button("Cancel", FORGET_CANCEL, "cancel", false))));
        return blocks;
    }
}
