package io.uptake.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the dispatcher paces, retries, claims and stops. Rates are per platform tenant (a Slack workspace, a Teams
 * tenant) and sit below the platforms' published limits; they are where each tenant's pace starts, which then
 * adapts to the platform's 429s within {@link PacingSettings}.
 *
 * <p>Claims are short so that several nodes can share one outbox: a node claims {@link #batch()} rows at a time
 * (twice its concurrency, so a round spreads across nodes instead of going to whichever claims first), holds
 * them under a lease of {@code claimLease} (6 s) that it renews every third of the lease (2 s) while it holds
 * any, and any node takes back rows whose lease lapsed. After a node is killed, its rows go out again from
 * another node within the lease plus one poll ({@code uptake.delivery.poll}, 2 s): 8 s with the defaults.
 *
 * @param slackPostsPerSecond   new Slack messages; Slack allows "several hundred a minute" per workspace
 * @param slackUpdatesPerSecond Slack edits ({@code chat.update}, Tier 3: 50+ a minute)
 * @param teamsPerSecond        Teams sends and edits; Teams allows 30 a second per app and tenant
 * @param concurrency           sends in flight at once per dispatcher
 * @param maxAttempts           failed sends before a message is dead-lettered
 * @param retryBase             first retry delay; doubled each attempt, with jitter
 * @param retryCap              longest retry delay
 * @param claimLease            how long a claim lasts unless its node renews it; then any node takes the row back
 *                              (at least 3 s, else the start is refused)
 * @param stopWithin            longest a stop waits for the sends in the platforms' hands before it gives back
 *                              every claimed row not yet sent and lets the service exit (default 8 s, under the
 *                              10 s a platform commonly allows between SIGTERM and SIGKILL)
 */
@ConfigurationProperties("uptake.delivery")
public record DeliverySettings(
        @Bindable(defaultValue = "4") double slackPostsPerSecond,
        @Bindable(defaultValue = "0.8") double slackUpdatesPerSecond,
        @Bindable(defaultValue = "25") double teamsPerSecond,
        @Bindable(defaultValue = "4") int concurrency,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "2s") Duration retryBase,
        @Bindable(defaultValue = "10m") Duration retryCap,
        @Bindable(defaultValue = "6s") Duration claimLease,
        @Bindable(defaultValue = "8s") Duration stopWithin) {

    /** Rows claimed at a time: enough to keep every send slot busy while the next batch is claimed, no more. */
    public int batch() {
        return 2 * Math.max(1, concurrency);
    }

    /** How often a node renews the lease of the rows it holds: three renewals fit in one lease. */
    public Duration renewEvery() {
        return claimLease.dividedBy(3);
    }
}
