package io.uptake.chat.slack;

import java.util.regex.Pattern;

/**
 * The {@code action_id}s of the buttons on a pulse message, shared by the renderer and the interactivity handler.
 *
 * <p>Slack requires an {@code action_id} to be unique within its actions block, so the buttons of one question
 * cannot all carry {@code prefix + question}: an answer button adds the option's position. The handler should
 * therefore match on the prefix ({@link #ANSWER_ACTIONS}, {@link #COMMENT_ACTIONS}) and read what was clicked
 * from the button's {@link AnswerButtonValue value}, never from the id, which is cut to 255 characters.
 */
public final class PulseActions {

    /** Prefix of every option button: {@code pulse_answer:<question>:<option position>}. */
    public static final String ANSWER_PREFIX = "pulse_answer:";
    /** Prefix of the button that opens the free-text modal: {@code pulse_comment:<question>}. */
    public static final String COMMENT_PREFIX = "pulse_comment:";
    /** Matches every option button's {@code action_id}, for Bolt's {@code blockAction(Pattern, ...)}. */
    public static final Pattern ANSWER_ACTIONS = Pattern.compile("^" + Pattern.quote(ANSWER_PREFIX) + ".*$",
            Pattern.DOTALL);
    /** Matches every comment button's {@code action_id}. */
    public static final Pattern COMMENT_ACTIONS = Pattern.compile("^" + Pattern.quote(COMMENT_PREFIX) + ".*$",
            Pattern.DOTALL);

    static final int MAX_ID = 255;

    private PulseActions() {
    }

    static String answer(String question, int option) {
        String suffix = ":" + option;
        return ANSWER_PREFIX + cut(question, MAX_ID - ANSWER_PREFIX.length() - suffix.length()) + suffix;
    }

    static String comment(String question) {
        return COMMENT_PREFIX + cut(question, MAX_ID - COMMENT_PREFIX.length());
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
