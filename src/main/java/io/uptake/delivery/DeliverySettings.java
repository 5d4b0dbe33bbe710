package io.uptake.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the dispatcher paces and retries. Rates are per platform tenant (a Slack workspace, a Teams tenant) and
 * sit below the platforms' published limits.
 *
 * @param slackPostsPerSecond   new Slack messages; Slack allows "several hundred a minute" per workspace
 * @param slackUpdatesPerSecond Slack edits ({@code chat.update}, Tier 3: 50+ a minute)
 * @param teamsPerSecond        Teams sends and edits; Teams allows 30 a second per app and tenant
 * @param concurrency           sends in flight at once per dispatcher
 * @param maxAttempts           failed sends before a message is dead-lettered
 * @param retryBase             first retry delay; doubled each attempt, with jitter
 * @param retryCap              longest retry delay
 * @param claimLease            how long a claim may go unanswered before another pass takes the row back
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
        @Bindable(defaultValue = "200") int batchSize,
        @Bindable(defaultValue = "5m") Duration claimLease) {
}
