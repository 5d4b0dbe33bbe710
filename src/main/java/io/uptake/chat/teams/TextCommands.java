package io.uptake.chat.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.TextFormatTypes;
import io.micronaut.context.annotation.Requires;
import io.uptake.chat.CheckinReplies;
import io.uptake.chat.PersonalCommands;
import io.uptake.checkin.OpenCheckinForm;
import io.uptake.message.CheckinRequest;
import io.uptake.platform.Platform;
import io.uptake.message.ForgetMeConfirm;
import java.util.Optional;
import java.util.OptionalLong;
import jakarta.inject.Singleton;

/** Words typed to the bot in its personal chat: the same commands as Slack's {@code /uptake}. */
@Singleton
@Requires(condition = TeamsOn.class)
class TextCommands {

    static final String PERSONAL_ONLY = "Uptake's commands work in your personal chat with the app: open Uptake "
            + "from the apps in Teams and type `help`.";

    private final PersonalCommands commands;
    private final Installations installations;
    private final OpenCheckinForm openCheckinForm;

    TextCommands(PersonalCommands commands, Installations installations, OpenCheckinForm openCheckinForm) {
        this.commands = commands;
        this.installations = installations;
        this.openCheckinForm = openCheckinForm;
    }

    Activity reply(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (!Activities.personal(activity)) {
            return markdown(PERSONAL_ONLY);
        }
        OptionalLong seen = installations.seen(turn);
        Optional<String> clicked = PersonalCards.command(Activities.value(activity.getValue()));
        String text = clicked.orElseGet(() -> activity.getText() == null ? ""
                : Mentions.withoutRecipient(activity));
        if (seen.isEmpty()) {
            if (activity.getFrom() == null || Activities.blank(activity.getFrom().getId())) {
                throw new IllegalStateException("a personal-chat message without a sender");
            }
            return markdown(PersonalCommands.optsIn(text)
                    ? commands.run(installations.optBackIn(turn), "optin", Platform.TEAMS) : PersonalCommands.ERASED);
        }
        long personId = seen.getAsLong();
        String[] words = text == null ? new String[0] : text.trim().split("\\s+", 2);
        if (words.length > 0 && words[0].equalsIgnoreCase("checkin")) {
            return checkin(personId, words.length > 1 ? words[1] : null);
        }
        if (PersonalCommands.asksToConfirmErasure(text)) {
            return TeamsMessages.activity(new ForgetMeConfirm());
        }
        return markdown(commands.run(personId, text == null ? "" : text, Platform.TEAMS));
    }

    /** {@code checkin [workflow]}: the form card, or why there is none. */
    private Activity checkin(long personId, String workflowId) {
        OpenCheckinForm.Result result = openCheckinForm.open(personId, workflowId);
        if (result instanceof OpenCheckinForm.Result.Form form) {
            return TeamsMessages.activity(new CheckinRequest(form.form(), 0));
        }
        return markdown(CheckinReplies.of(result));
    }

    private static Activity markdown(String text) {
        Activity reply = MessageFactory.text(text);
        reply.setTextFormat(TextFormatTypes.MARKDOWN);
        return reply;
    }
}
