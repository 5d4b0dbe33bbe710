package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Serialization;

/**
 * Takes the bot's own mention out of a message's text ("<at>Uptake</at> help" becomes "help"). The SDK's version
 * uses each mention's text as a regular expression, so a long or crafted mention took seconds (or failed); this
 * one removes the literal text in one pass per mention, and {@link ActivityShape} bounds the text and mentions.
 */
final class Mentions {

    private Mentions() {
    }

    /** The activity's text without the mentions of its recipient, trimmed; empty when there is no text. */
    static String withoutRecipient(Activity activity) {
        String text = activity.getText() == null ? "" : activity.getText();
        String bot = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        if (bot == null || activity.getEntities() == null) {
            return text.trim();
        }
        for (Entity entity : activity.getEntities()) {
            JsonNode tree = Serialization.objectToTree(entity);
            if (tree == null || !"mention".equals(tree.path("type").asText())
                    || !bot.equals(tree.path("mentioned").path("id").asText(null))) {
                continue;
            }
            String mention = tree.path("text").asText("");
            if (mention.isEmpty()) {
                mention = "<at>" + tree.path("mentioned").path("name").asText("") + "</at>";
            }
            text = removeAll(text, mention);
        }
        return text.trim();
    }

    /**
     * Every non-overlapping occurrence of {@code literal} removed, scanning left to right: Knuth–Morris–Pratt, so
     * the work is linear in the two lengths whatever they hold.
     */
    static String removeAll(String text, String literal) {
        int m = literal.length();
        if (m == 0 || m > text.length()) {
            return text;
        }
        int[] fallback = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && literal.charAt(i) != literal.charAt(k)) {
                k = fallback[k - 1];
            }
            if (literal.charAt(i) == literal.charAt(k)) {
                k++;
            }
            fallback[i] = k;
        }
        StringBuilder out = new StringBuilder(text.length());
        int matched = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            while (matched > 0 && c != literal.charAt(matched)) {
                matched = fallback[matched - 1];
            }
            if (c == literal.charAt(matched)) {
                matched++;
            }
            out.append(c);
            if (matched == m) {
                out.setLength(out.length() - m);
                matched = 0;
            }
        }
        return out.toString();
    }
}
