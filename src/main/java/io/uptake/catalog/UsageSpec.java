package io.uptake.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Where a workflow's use is read from: which AI tool, and which of its features count as using the workflow.
 *
 * @param source   {@value #GITHUB_COPILOT}, {@value #MICROSOFT_365_COPILOT}, or {@code csv:<profile>} for exports
 *                 read through a CSV profile of the programmes file
 * @param features the tool's features that count; empty when any use of the tool counts
 */
public record UsageSpec(String source, List<String> features) {

    public static final String GITHUB_COPILOT = "github-copilot";
    public static final String MICROSOFT_365_COPILOT = "microsoft-365-copilot";
    public static final String CSV_PREFIX = "csv:";
    /** The connectors Uptake pulls from itself, as the file names them. */
    public static final List<String> CONNECTORS = List.of(GITHUB_COPILOT, MICROSOFT_365_COPILOT);
    /**
     * The features Microsoft 365 Copilot's usage report tells apart, one per app: a workflow can name only these, so
     * a misspelt app cannot silently count nobody. GitHub's features are open-ended (GitHub adds them) and are
     * taken as the file gives them.
     */
    public static final List<String> MICROSOFT_365_FEATURES = List.of("teams", "word", "outlook", "excel",
            "powerpoint", "onenote", "loop", "copilot-chat");

    public UsageSpec {
        features = List.copyOf(features);
    }

    /** The CSV profile the source names, when it is one. */
    public Optional<String> csvProfile() {
        return source.startsWith(CSV_PREFIX) ? Optional.of(source.substring(CSV_PREFIX.length())) : Optional.empty();
    }

    /** Whether a use of {@code feature} counts: every feature when none are listed. */
    public boolean counts(String feature) {
        return features.isEmpty() || features.contains(feature);
    }
}
