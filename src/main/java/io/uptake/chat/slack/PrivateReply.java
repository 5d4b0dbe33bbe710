package io.uptake.chat.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text only the person sees: the answer to a slash command, or a note after a click next to the message they
 * clicked in. Every such reply is sent from here, escaped for mrkdwn and cut to {@link #MAX_TEXT}, so no name or
 * list in it can open a mention or run past what Slack shows whole.
 *
 * <p>The replies themselves are the platform-neutral words of {@code chat/} and the core (light markdown:
 * {@code *bold*}, {@code `code`}, bullets), which never mean a Slack link or mention.
 */
final class PrivateReply {

    /** Slack's chat.postMessage reference: keep a message's text within 4,000 characters for best results. */
    static final int MAX_TEXT = 4000;

    private static final Logger LOG = LoggerFactory.getLogger(PrivateReply.class);

    private PrivateReply() {
    }

    /** The reply as Slack is given it. */
    static String text(String reply) {
        return SlackText.mrkdwn(SlackText.orElse(reply, SlackText.ELLIPSIS), MAX_TEXT);
    }

    /** Answers a slash command with the reply, or with nothing when the reply is empty. */
    static Response ack(SlashCommandContext context, String reply) {
        return reply == null || reply.isEmpty() ? context.ack() : context.ack(text(reply));
    }

    /** Tells the person later, through the command's {@code response_url}. */
    static void later(SlashCommandContext context, String reply) {
        try {
            context.respond(text(reply));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Slack response_url could not be reached", e);
        }
    }

    /** Tells the person through the click's {@code response_url}; without one there is nowhere to say it. */
    static void tell(ActionContext context, String reply) {
        send(context, reply, false);
    }

    /** Replaces the message they clicked in with the reply. */
    static void replace(ActionContext context, String reply) {
        send(context, reply, true);
    }

    private static void send(ActionContext context, String reply, boolean replaceOriginal) {
        if (context.getResponseUrl() == null) {
            return;
        }
        try {
            context.respond(r -> r.responseType("ephemeral").replaceOriginal(replaceOriginal).text(text(reply)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Slack response_url could not be reached", e);
        }
    }
}
