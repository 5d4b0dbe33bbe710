package io.uptake.chat.teams;

/** Cutting text to a length without splitting a character, marking the cut. */
final class Texts {

    private Texts() {
    }

    /** At most {@code max} code points; a cut text ends with an ellipsis. */
    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.max(0, max - 1));
        return text.substring(0, end) + "…";
    }
}
