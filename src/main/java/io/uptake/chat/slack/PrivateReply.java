package io.uptake.chat.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A message after a click that only the person who clicked sees, next to the message they clicked in. */
final class PrivateReply {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateReply.class);

    private PrivateReply() {
    }

    /** Tells the person through the click's {@code response_url}; without one there is nowhere to say it. */
    static void tell(ActionContext context, String text) {
        if (context.getResponseUrl() == null) {
            return;
        }
        try {
            context.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Slack response_url could not be reached: {}", e.getClass().getSimpleName());
        }
    }
}
