package io.uptake.digest;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.DigestSubscriptionRow;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.DigestMessage;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.ScorecardSource;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Sends a subscription's digest to one person's direct messages, for an admin checking what the leaders will
 * read: the same week and parts as the scheduled run, through the outbox, but no run is claimed, so the week's
 * real digest still goes out. One test per person and minute: a double click sends one.
 */
@Singleton
public class SendTestDigest {

    /** What became of a request. */
    public sealed interface Result {
        record Queued(String week, int parts) implements Result {
        }

        record NotFound() implements Result {
        }
    }

    /** Where the test goes: a person's direct messages on one platform. */
    public record To(long personId, Platform platform, String tenantId, String recipient) {
    }

    private static final Duration STALE_AFTER = Duration.ofDays(1);

    private final CatalogLookup catalog;
    private final ScorecardSource scorecards;
    private final ComposeDigest compose;
    private final Outbox outbox;
    private final Clock clock;

    SendTestDigest(CatalogLookup catalog, ScorecardSource scorecards, ComposeDigest compose, Outbox outbox,
                   Clock clock) {
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.compose = compose;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Result send(long subscriptionId, To to) {
        Optional<DigestSubscriptionRow> found = catalog.digest(subscriptionId).filter(d -> d.retiredAt() == null);
        if (found.isEmpty()) {
            return new Result.NotFound();
        }
        DigestSubscriptionRow subscription = found.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        DigestWeek week = DigestWeek.lastComplete(now, ZoneId.of(subscription.scheduleZone()));
        Scorecard scorecard = scorecards.forWeek(week.monday(), SendDigest.programmeIds(subscription));
        List<DigestMessage> parts = to.platform() == Platform.SLACK
                ? compose.compose(scorecard, ComposeDigest.SLACK_UNITS, ComposeDigest.SLACK_CHARACTERS, null)
                : compose.compose(scorecard, ComposeDigest.TEAMS_UNITS, null);
        String key = "digest-test:" + subscriptionId + ":" + to.personId() + ":" + now.truncatedTo(ChronoUnit.MINUTES)
                + ":";
        for (DigestMessage part : parts) {
            outbox.enqueue(new NewMessage(key + part.part(), to.platform(), to.tenantId(), to.recipient(),
                    to.personId(), part, now, now.plus(STALE_AFTER), null, null));
        }
        return new Result.Queued(week.name(), parts.size());
    }
}
