package io.uptake.chat.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.TextFormatTypes;
import io.micronaut.context.annotation.Requires;
import io.uptake.catalog.ChannelRef.Platform;
import io.uptake.chat.PersonalCommands;
import io.uptake.message.ForgetMeConfirm;
import java.util.Optional;
import jakarta.inject.Singleton;

/** Words typed to the bot in its personal chat: the same commands as Slack's {@code /uptake}. */
@Singleton
@Requires(condition = TeamsOn.class)
class TextCommands {

    static final String PERSONAL_ONLY = "Uptake's commands work in your personal chat with the app: open Uptake "
            + "from the apps in Teams and type `help`.";

    private final PersonalCommands commands;
    private final Installations installations;

    TextCommands(PersonalCommands commands, Installations installations) {
        this.commands = commands;
        this.installations = installations;
    }

    Activity reply(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (!Activities.personal(activity)) {
            return markdown(PERSONAL_ONLY);
        }
        long personId = installations.seen(turn)
                .orElseThrow(() -> new IllegalStateException("a personal-chat message without a sender"));
        Optional<String> clicked = PersonalCards.command(Activities.value(activity.getValue()));
        String text = clicked.orElseGet(() -> activity.getText() == null ? ""
                : Activity.removeRecipientMentionImmutable(activity));
        String reply = commands.run(personId, text == null ? "" : text, Platform.TEAMS);
        return PersonalCommands.asksToConfirmErasure(text) ? TeamsMessages.activity(new ForgetMeConfirm())
                : markdown(reply);
    }

    private static Activity markdown(String text) {
        Activity reply = MessageFactory.text(text);
        reply.setTextFormat(TextFormatTypes.MARKDOWN);
        return reply;
    }
}
