package io.uptake.chat.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import io.uptake.message.ChatMessage;

/** A neutral message as the Teams activity that carries its card. */
final class TeamsMessages {

    private TeamsMessages() {
    }

    static Activity activity(ChatMessage message) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CardInvokeResponses.CARD);
        attachment.setContent(AdaptiveCards.render(message));
        Activity activity = MessageFactory.attachment(attachment);
        // Shown in notifications and the chat list instead of "sent a card".
        activity.setSummary(Texts.cut(message.fallbackText(), 250));
        return activity;
    }
}
