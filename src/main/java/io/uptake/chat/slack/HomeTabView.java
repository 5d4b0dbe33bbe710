package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseQuestion;

/**
 * The App Home tab as a Slack view: the person's open pulses (answerable there), their own recent answers, what
 * Uptake collects and who sees what, and a switch to opt out or back in. Within a view's limits however much the
 * person has open.
 */
final class HomeTabView {

    static final String OPT_OUT = "home_optout";
    static final String OPT_IN = "home_optin";
    static final int MAX_BLOCKS = 100;
    static final String ABOUT = "*What Uptake collects.* Your answers to short pulses about AI-assisted ways of "
            + "working, and when a pulse reached you. *Who sees what.* Leaders see totals only, never a group of "
            + "fewer than five people; in anonymous pulses nothing links your answers to you at all. "
            + "`/uptake mydata` sends you everything Uptake holds about you, `/uptake forget-me` erases it, and "
            + "`/uptake help` lists your settings.";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HomeTabView() {
    }

    static ObjectNode render(HomeTabContent home) {
        ObjectNode view = JSON.objectNode().put("type", "home");
        ArrayNode blocks = view.putArray("blocks");
        header(blocks, "Your open pulses");
        if (home.open().isEmpty()) {
            section(blocks, "Nothing to answer right now. Thanks!");
        }
        for (PulseCard card : home.open()) {
            ArrayNode rendered = BlockKit.render(card.questions().stream().anyMatch(q -> q.answered())
                    ? new PulseAnswered(card) : new PulseQuestion(card)).blocks();
            // 8: the "more pulses" note and the blocks below the pulses.
            if (blocks.size() + rendered.size() + 8 > MAX_BLOCKS) {
                section(blocks, "More pulses are waiting in your direct messages with Uptake.");
                break;
            }
            blocks.addAll(rendered);
            blocks.addObject().put("type", "divider");
        }
        header(blocks, "Your recent answers");
        StringBuilder text = new StringBuilder(home.recentAnswers().isEmpty()
                ? "None yet (anonymous answers are never shown here)." : "");
        // Each piece is escaped and cut on its own, so that ten answers fit one section of 3,000 characters
        // without cutting an escape in half.
        home.recentAnswers().forEach(a -> text.append("• ").append(SlackText.mrkdwn(a.workflow(), 60)).append(": ")
                .append(SlackText.mrkdwn(a.question(), 120)).append(" *")
                .append(SlackText.mrkdwn(SlackText.plainLine(a.answer(), 80), 80)).append("* (").append(a.on())
                .append(")\n"));
        section(blocks, SlackText.cut(text.toString(), Blocks.MAX_TEXT));
        header(blocks, "Privacy");
        section(blocks, ABOUT);
        ObjectNode actions = blocks.addObject().put("type", "actions");
        ObjectNode button = actions.putArray("elements").addObject().put("type", "button")
                .put("action_id", home.optedOut() ? OPT_IN : OPT_OUT);
        button.putObject("text").put("type", "plain_text")
                .put("text", home.optedOut() ? "Opt back in" : "Opt out of pulses");
        if (!home.optedOut()) {
            button.put("style", "danger");
        }
        return view;
    }

    private static void header(ArrayNode blocks, String text) {
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", text);
    }

    private static void section(ArrayNode blocks, String markdown) {
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", markdown);
    }
}
