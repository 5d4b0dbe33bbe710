package io.uptake.usage;

import java.time.LocalDate;

/**
 * An AI tool Uptake reads usage from on a schedule, as the core sees it: the HTTP clients that implement it live in
 * the {@code io.uptake.connect} adapters, and the usage feature turns what they read into usage events.
 */
public interface UsageConnector {

    /** The source as a workflow's {@code usage.source} names it: {@code github-copilot}, ... */
    String source();

    /** Whether its environment variables are set; a connector that is not configured is never pulled. */
    boolean configured();

    /**
     * Everything the tool reports for the UTC days {@code from} to {@code to}, both included, every page of it.
     *
     * @throws SourceUnavailable when the tool could not be read (down, refused the credentials, rate limited beyond
     *                           what a pull waits for); nothing of a failed pull is stored
     */
    SourcePull pull(LocalDate from, LocalDate to) throws SourceUnavailable;
}
