package io.uptake.delivery;

import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces sends to each platform tenant at a rate that adapts to the platform's limit, across every node that
 * shares the database.
 *
 * <p>Each tenant has its own lanes, paced independently: a Slack workspace's posts and its edits
 * ({@code chat.update} is limited apart, and lower), and a Teams tenant's sends. {@link PaceRule} decides each slot
 * and how the rate follows 429s; {@link SendBudget} keeps every lane in the database, so that the nodes together
 * stay within one budget per lane and all of them see a 429's pause.
 */
@Singleton
class Pacer {

    private final SendBudget budget;
    private final Clock clock;
    private final PaceRule slackPosts;
    private final PaceRule slackUpdates;
    private final PaceRule teams;

    Pacer(DeliverySettings settings, PacingSettings pacing, SendBudget budget, Clock clock) {
        this.budget = budget;
        this.clock = clock;
        this.slackPosts = rule(settings.slackPostsPerSecond(), pacing.slackPostsCeiling(), pacing, settings);
        this.slackUpdates = rule(settings.slackUpdatesPerSecond(), pacing.slackUpdatesCeiling(), pacing, settings);
        this.teams = rule(settings.teamsPerSecond(), pacing.teamsCeiling(), pacing, settings);
    }

    /** A starting rate set above its lane's ceiling was asked for on purpose: it becomes the ceiling. */
    private static PaceRule rule(double start, double ceiling, PacingSettings pacing, DeliverySettings settings) {
        return new PaceRule(start, Math.max(start, ceiling), pacing.decrease(), pacing.increase(), pacing.creep(),
                settings.concurrency());
    }

    /** Reserves the next slot for a send and returns when it is. */
    Instant reserve(Envelope envelope) {
        return budget.reserve(lane(envelope), rule(envelope), clock.instant());
    }

    /** Records the platform's 429 to a send: its lane waits {@code retryAfter} and slows down, on every node. */
    void limited(Envelope envelope, Duration retryAfter) {
        budget.limited(lane(envelope), rule(envelope), clock.instant(), retryAfter);
    }

    /** When the send's lane may be sent to again, if it is paused now. */
    Instant pausedUntil(Envelope envelope) {
        Instant now = clock.instant();
        return budget.find(lane(envelope)).map(LaneBudget::pausedUntil).filter(until -> until.isAfter(now))
                .orElse(null);
    }

    private PaceRule rule(Envelope envelope) {
        return switch (envelope.platform()) {
            case SLACK -> envelope.isUpdate() ? slackUpdates : slackPosts;
            case TEAMS -> teams;
        };
    }

    private static SendBudget.Lane lane(Envelope envelope) {
        String lane = envelope.platform() == Platform.TEAMS ? "send" : envelope.isUpdate() ? "update" : "post";
        return new SendBudget.Lane(envelope.platform(), envelope.tenantId(), lane);
    }
}
