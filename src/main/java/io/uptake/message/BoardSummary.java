package io.uptake.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A programme's quarterly board summary for its owner or sponsor: a short message with the one-page summary as a
 * PNG attachment. Slack uploads the page into the direct message with the message as its comment; Teams shows the
 * message as a card with the page attached by its public address.
 *
 * @param headline  one line, e.g. "Board summary of Operations AI for 2026-Q4"
 * @param lines     the short message below the headline: verdict, first reason, what the page holds, why sent
 * @param quarter   the quarter summarised, e.g. {@code 2026-Q4}
 * @param token     the stored page's unguessable token, through which the image bytes are read at send time
 * @param imageUrl  the page's public address, for platforms that load images by address; null without one
 * @param fileName  the attachment's file name, e.g. {@code board-summary-ops-2026-Q4.png}
 */
@Serdeable
public record BoardSummary(String programmeId, String headline, List<String> lines, String quarter,
                           String token, @Nullable String imageUrl, String fileName) implements ChatMessage {

    public static final String KIND = "board_summary";

    public BoardSummary {
        lines = List.copyOf(lines);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return headline;
    }

    /** The message as plain text: the headline, then each line on its own. */
    public String text() {
        return headline + "\n" + String.join("\n", lines);
    }

    /** What the attached page shows, for readers who cannot see the image. */
    public String altText() {
        return "One-page board summary for " + quarter + ": outcomes claimed and measured, weekly verdicts, effect "
                + "estimates and decisions";
    }
}
