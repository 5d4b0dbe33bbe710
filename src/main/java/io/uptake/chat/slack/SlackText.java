package io.uptake.chat.slack;

/**
 * Fits text from the catalog or from people into Block Kit fields: escaped where Slack parses it, never longer
 * than the field allows, cut with an ellipsis rather than rejected.
 *
 * <p>Lengths are counted in UTF-16 units, which is never fewer than Slack's count of characters, and a cut
 * never splits a surrogate pair or an escape sequence.
 */
final class SlackText {

    static final String ELLIPSIS = "…";

    private SlackText() {
    }

    /**
     * Text for a {@code mrkdwn} object: {@code &}, {@code <} and {@code >} escaped so names cannot open links,
     * mentions or {@code <!channel>} broadcasts, then at most {@code max} characters.
     */
    static String mrkdwn(String raw, int max) {
        String text = raw == null ? "" : raw;
        String escaped = escape(text);
        if (escaped.length() <= max) {
            return escaped;
        }
        StringBuilder out = new StringBuilder(max);
        int room = max - ELLIPSIS.length();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String piece = escape(codePoint);
            if (out.length() + piece.length() > room) {
                break;
            }
            out.append(piece);
            i += Character.charCount(codePoint);
        }
        return out.append(ELLIPSIS).toString();
    }

    /**
     * Text for a {@code plain_text} object on one line: runs of whitespace become one space, then at most
     * {@code max} characters. Slack shows plain text as it is, so nothing is escaped.
     */
    static String plainLine(String raw, int max) {
        return cut(raw == null ? "" : raw.strip().replaceAll("\\s+", " "), max);
    }

    /** At most {@code max} characters, the last of them an ellipsis when something was cut. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /** The text, or the stand-in when it has nothing to show: Slack rejects empty and blank text objects. */
    static String orElse(String text, String standIn) {
        return text == null || text.isBlank() ? standIn : text;
    }

    static String escape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> out.append(escape(c)));
        return out.toString();
    }

    private static String escape(int codePoint) {
        return switch (codePoint) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> Character.toString(codePoint);
        };
    }
}
