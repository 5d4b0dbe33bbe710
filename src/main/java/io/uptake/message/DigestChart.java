package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The chart of a weekly digest, for platforms where an image is uploaded into the channel rather than linked.
 *
 * @param token the stored chart's unguessable token, through which the image bytes are read at send time
 */
@Serdeable
public record DigestChart(String title, String week, String token) implements ChatMessage {

    public static final String KIND = "digest_chart";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return title;
    }

    /** What the chart shows, said with the chart itself, e.g. "Chart of the weekly adoption digest · 2026-W47: …". */
    public String caption() {
        String digest = title == null || title.isEmpty() ? "the digest"
                : "the " + Character.toLowerCase(title.charAt(0)) + title.substring(1);
        return "Chart of " + digest + ": weekly active use (WAU %) and trust index of each workflow over the last 12"
                + " weeks.";
    }
}
