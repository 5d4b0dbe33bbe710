package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.uptake.message.CheckinEscalation;
import io.uptake.message.OutcomeGapAlert;
import io.uptake.message.CheckinForm;
import io.uptake.message.CheckinRequest;
import io.uptake.message.CheckinSaved;
import java.util.List;

/** Renders the check-in messages as Block Kit: the owner's request and its button, the sponsor's alert, a receipt. */
final class CheckinBlocks {

    /** The action id of the "Log check-in" button; its value is the workflow id. */
    static final String OPEN_ACTION = "checkin_open";

    private static final int MAX_NAME = 140;

    private CheckinBlocks() {
    }

    static ArrayNode request(CheckinRequest request) {
        CheckinForm form = request.form();
        String lead = request.reminder() > 0 ? "*Reminder:* your " : "Your ";
        String text = lead + SlackText.mrkdwn(form.period(), 20) + " outcome check-in for *"
                + SlackText.mrkdwn(form.workflowName(), MAX_NAME) + "* is due. It takes a minute.\n"
                + SlackText.mrkdwn(form.outcomeLine(), 1500)
                + (form.lastValue() == null ? "" : "\nLast value logged: " + SlackText.mrkdwn(form.lastValue(), 40));
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.header((request.reminder() > 0 ? "Reminder: check-in for " : "Check-in: ")
                + SlackText.plainLine(form.workflowName(), MAX_NAME)));
        blocks.add(Blocks.section(text));
        blocks.add(Blocks.actions(List.of(Blocks.button("Log check-in", OPEN_ACTION, form.workflowId(), true))));
        blocks.add(Blocks.context("Only you, as the workflow's owner, can log it. Any time: `/uptake checkin "
                + SlackText.mrkdwn(form.workflowId(), 64) + "`"));
        return blocks;
    }

    static ArrayNode escalation(CheckinEscalation escalation) {
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.header("Missed check-in: " + SlackText.plainLine(escalation.workflowName(), MAX_NAME)));
        blocks.add(Blocks.section(SlackText.mrkdwn(escalation.owner(), 400) + " has not logged the "
                + SlackText.mrkdwn(escalation.period(), 20) + " outcome check-in for *"
                + SlackText.mrkdwn(escalation.workflowName(), MAX_NAME) + "* ("
                + SlackText.mrkdwn(escalation.programmeName(), MAX_NAME) + "). It opened " + escalation.daysOverdue()
                + (escalation.daysOverdue() == 1 ? " day" : " days") + " ago."));
        blocks.add(Blocks.context("You get this as the programme's sponsor. The weekly digest flags it too."));
        return blocks;
    }

    static ArrayNode outcomeGap(OutcomeGapAlert gap) {
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.header(SlackText.plainLine(gap.headline(), MAX_NAME)));
        blocks.add(Blocks.section(SlackText.mrkdwn(gap.body(), Blocks.MAX_TEXT)));
        blocks.add(Blocks.context(SlackText.mrkdwn(gap.why(), Blocks.MAX_TEXT)));
        return blocks;
    }

    static ArrayNode saved(CheckinSaved saved) {
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.section(SlackText.mrkdwn(saved.fallbackText(), Blocks.MAX_TEXT)));
        return blocks;
    }
}
