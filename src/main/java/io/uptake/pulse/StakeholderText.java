package io.uptake.pulse;

import java.util.regex.Pattern;

/**
 * Removes what could name or reach a person from a stakeholder's free text before it is stored for others to read:
 * email addresses, phone numbers and chat mentions (Slack's {@code <@U123>} and {@code @name}).
 */
final class StakeholderText {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()]+@[^\\s@<>()]+\\.[A-Za-z]{2,}");
    private static final Pattern SLACK_MENTION = Pattern.compile("<[@!#][^>]*>");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.])@[\\p{L}\\p{N}._-]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{6,}\\d");

    private StakeholderText() {
    }

    static String scrub(String text) {
        String out = EMAIL.matcher(text).replaceAll("[email removed]");
        out = SLACK_MENTION.matcher(out).replaceAll("[mention removed]");
        out = MENTION.matcher(out).replaceAll("[mention removed]");
        out = PHONE.matcher(out).replaceAll("[phone removed]");
        return out.strip();
    }
}
