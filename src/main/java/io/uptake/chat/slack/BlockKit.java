package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.uptake.message.AskedQuestion;
import io.uptake.message.ChatMessage;
import io.uptake.message.DigestMessage;
import io.uptake.message.CheckinEscalation;
import io.uptake.message.OutcomeGapAlert;
import io.uptake.message.CheckinRequest;
import io.uptake.message.CheckinSaved;
import io.uptake.message.CommentsShared;
import io.uptake.message.ForgetMeConfirm;
import io.uptake.message.MyData;
import io.uptake.message.EarlyWarning;
import io.uptake.message.OwnerAlert;
import io.uptake.message.PlayNudge;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import io.uptake.message.PulseQuestion;
import io.uptake.message.PulseReminder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders the neutral messages as Slack Block Kit: a pure function of the message, with every text fitted to
 * Slack's limits and everything people or the catalog wrote escaped.
 */
public final class BlockKit {

    static final String THANKS = "Thanks, recorded. You can change your answers until the pulse closes.";

    private static final int MAX_FALLBACK = 3000;
    private static final int MAX_NAME = 140;
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private BlockKit() {
    }

    /** The blocks and the notification text of a message. */
    public static SlackMessage render(ChatMessage message) {
        String text = SlackText.mrkdwn(SlackText.orElse(message.fallbackText(), "Pulse"), MAX_FALLBACK);
        if (message instanceof PulseQuestion question) {
            return new SlackMessage(text, asking(question.card()));
        }
        if (message instanceof PulseReminder reminder) {
            return new SlackMessage(text, reminding(reminder.card()));
        }
        if (message instanceof PulseAnswered answered) {
            return new SlackMessage(text, thanking(answered.card()));
        }
        if (message instanceof PulseClosed closed) {
            return new SlackMessage(text, closing(closed.card(), closed.answered()));
        }
        if (message instanceof DigestMessage digest) {
            return new SlackMessage(text, DigestBlocks.render(digest));
        }
        if (message instanceof CheckinRequest request) {
            return new SlackMessage(text, CheckinBlocks.request(request));
        }
        if (message instanceof CheckinEscalation escalation) {
            return new SlackMessage(text, CheckinBlocks.escalation(escalation));
        }
        if (message instanceof CheckinSaved saved) {
            return new SlackMessage(text, CheckinBlocks.saved(saved));
        }
        if (message instanceof OutcomeGapAlert gap) {
            return new SlackMessage(text, CheckinBlocks.outcomeGap(gap));
        }
        if (message instanceof PlayNudge nudge) {
            return new SlackMessage(text, PersonalBlocks.play(nudge));
        }
        if (message instanceof OwnerAlert alert) {
            return new SlackMessage(text, PersonalBlocks.ownerAlert(alert));
        }
        if (message instanceof MyData data) {
            return new SlackMessage(text, PersonalBlocks.myData(data));
        }
        if (message instanceof ForgetMeConfirm confirm) {
            return new SlackMessage(text, PersonalBlocks.forgetMe(confirm));
        }
        if (message instanceof CommentsShared comments) {
            return new SlackMessage(text, CommentsBlocks.render(comments));
        }
        if (message instanceof EarlyWarning warning) {
            return new SlackMessage(text, PersonalBlocks.earlyWarning(warning));
        }
        throw new IllegalArgumentException("no Slack rendering for " + message.kind() + " messages");
    }

    private static ArrayNode asking(PulseCard card) {
        return PulseCardBlocks.render(card, new PulseCardBlocks.Layout("Pulse: " + name(card),
                SlackText.mrkdwn(intro(card), Blocks.MAX_TEXT), true, true, List.of(footer(card))));
    }

    private static ArrayNode reminding(PulseCard card) {
        String lead = "*Reminder:* you have not answered this pulse yet.\n";
        return PulseCardBlocks.render(card, new PulseCardBlocks.Layout("Reminder: pulse on " + name(card),
                lead + SlackText.mrkdwn(intro(card), Blocks.MAX_TEXT - lead.length()), true, true,
                List.of(footer(card))));
    }

    private static ArrayNode thanking(PulseCard card) {
        return PulseCardBlocks.render(card, new PulseCardBlocks.Layout("Pulse: " + name(card),
                SlackText.mrkdwn(intro(card), Blocks.MAX_TEXT), true, true, List.of(THANKS, footer(card))));
    }

    /** Once closed, the questions are listed only to show answers: a list of unanswered prompts says nothing. */
    private static ArrayNode closing(PulseCard card, boolean answered) {
        boolean showAnswers = card.questions().stream().anyMatch(AskedQuestion::answered);
        String lead = answered ? "This pulse has closed. Thanks for answering."
                : "This pulse has closed, so answers are no longer taken.";
        return PulseCardBlocks.render(card, new PulseCardBlocks.Layout("Pulse closed: " + name(card),
                showAnswers ? lead + "\nYour answers:" : lead, false, showAnswers, List.of(privacy(card))));
    }

    private static String intro(PulseCard card) {
        return SlackText.orElse(card.intro(), "A quick pulse: a few questions, under a minute.");
    }

    private static String name(PulseCard card) {
        return SlackText.plainLine(SlackText.orElse(card.workflow(), "your workflow"), MAX_NAME);
    }

    private static String footer(PulseCard card) {
        return card.closesAt() == null ? privacy(card) : privacy(card) + " · Closes " + date(card.closesAt());
    }

    static String privacy(PulseCard card) {
        return card.anonymous() ? "Anonymous: answers are stored with no link to you."
                : "Confidential: reports never show groups small enough to single you out.";
    }

    /** Slack shows the date in each reader's own time zone; the fallback is for clients that cannot. */
    static String date(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} at {time}|" + UTC_TIME.format(at) + ">";
    }
}
