package io.uptake.chat.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import io.uptake.message.BoardSummary;
import io.uptake.message.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/** A neutral message as the Teams activity that carries its card. */
final class TeamsMessages {

    private TeamsMessages() {
    }

    static Activity activity(ChatMessage message) {
        if (message instanceof BoardSummary board) {
            return board(board);
        }
        Attachment attachment = new Attachment();
        attachment.setContentType(CardInvokeResponses.CARD);
        attachment.setContent(AdaptiveCards.render(message));
        Activity activity = MessageFactory.attachment(attachment);
        // Shown in notifications and the chat list instead of "sent a card".
        activity.setSummary(Texts.cut(message.fallbackText(), 250));
        return activity;
    }

    /** The summary's card, then its page as an image attachment Teams loads from the public address. */
    private static Activity board(BoardSummary board) {
        Attachment card = new Attachment();
        card.setContentType(CardInvokeResponses.CARD);
        card.setContent(BoardCards.render(board));
        List<Attachment> attachments = new ArrayList<>(List.of(card));
        if (board.imageUrl() != null) {
            Attachment page = new Attachment();
            page.setContentType("image/png");
            page.setContentUrl(board.imageUrl());
            page.setName(board.fileName());
            attachments.add(page);
        }
        Activity activity = MessageFactory.attachment(attachments);
        activity.setSummary(Texts.cut(board.fallbackText(), 250));
        return activity;
    }
}
