package io.uptake.digest;

import io.micronaut.context.annotation.Value;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.ChannelRef;
import io.uptake.platform.Platform;
import io.uptake.catalog.DigestSubscriptionRow;
import io.uptake.delivery.ChannelAddresses;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.ScorecardSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a subscription's weekly digest: at most once per subscription and ISO week, however often it is asked.
 *
 * <p>The figures are read and the chart drawn first, outside any transaction (drawing a large programme takes
 * seconds); then {@link QueueDigest} claims the week in {@code digest_run} in the same transaction that writes
 * the chart and the outbox rows (keys {@code digest:{subscription}:{week}:{part}}, and {@code …:chart} for
 * Slack's upload), so a re-run, a restart or a second instance finds the week taken and sends nothing more.
 */
@Singleton
public class SendDigest {

    /** What happened to one request to send. */
    public sealed interface Result {
        record Sent(long runId, String week, int parts) implements Result {
        }

        record AlreadySent(String week) implements Result {
        }

        record NotSent(String why) implements Result {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SendDigest.class);

    private final CatalogLookup catalog;
    private final ScorecardSource scorecards;
    private final QueueDigest queue;
    private final DigestRepositories.Runs runs;
    private final List<ChannelAddresses> addresses;
    private final String publicUrl;
    private final Clock clock;
    private final AtomicBoolean warnedNoPublicUrl = new AtomicBoolean();

    SendDigest(CatalogLookup catalog, ScorecardSource scorecards, QueueDigest queue, DigestRepositories.Runs runs,
               List<ChannelAddresses> addresses, @Value("${uptake.public-url:}") String publicUrl, Clock clock) {
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.queue = queue;
        this.runs = runs;
        this.addresses = addresses;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    /** Sends the digest of the last complete week, as reckoned in the subscription's zone at this moment. */
    public Result send(long subscriptionId) {
        Optional<DigestSubscriptionRow> found = catalog.digest(subscriptionId).filter(d -> d.retiredAt() == null);
        if (found.isEmpty()) {
            return new Result.NotSent("no active digest subscription " + subscriptionId);
        }
        DigestSubscriptionRow subscription = found.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        DigestWeek week = DigestWeek.lastComplete(now, ZoneId.of(subscription.scheduleZone()));
        if (runs.findBySubscriptionIdAndWeek(subscriptionId, week.name()).isPresent()) {
            return new Result.AlreadySent(week.name());
        }
        Optional<ChannelRef> channel = ChannelRef.parse(subscription.channel());
        Optional<ChannelAddresses> platform = channel.flatMap(c -> addresses.stream()
                .filter(a -> a.platform() == c.platform()).findFirst());
        if (platform.isEmpty()) {
            return notSent(subscription, "the " + channel.map(c -> c.platform().code()).orElse("chat")
                    + " adapter is off");
        }
        Optional<ChannelAddresses.Address> address = platform.get().address(channel.get().id());
        if (address.isEmpty()) {
            return notSent(subscription, "the bot is not installed where it can post to that channel");
        }
        Scorecard scorecard = scorecards.forWeek(week.monday(), programmeIds(subscription));
        boolean slack = channel.get().platform() == Platform.SLACK;
        byte[] png = slack || hasPublicUrl() ? DigestChartRenderer.png(scorecard) : null;
        Result result = queue.queue(new QueueDigest.Request(subscriptionId, channel.get().platform(), address.get(),
                week, scorecard, png, slack ? null : publicUrl, now));
        if (result instanceof Result.Sent sent) {
            LOG.info("Digest {} of subscription {} to {} queued in {} parts", week.name(), subscriptionId,
                    subscription.channel(), sent.parts());
        }
        return result;
    }

    private boolean hasPublicUrl() {
        if (!publicUrl.isBlank()) {
            return true;
        }
        if (warnedNoPublicUrl.compareAndSet(false, true)) {
            LOG.warn("UPTAKE_PUBLIC_URL is not set: Teams digests are sent without their chart, which Teams can "
                    + "only show from a public address");
        }
        return false;
    }

    private Result notSent(DigestSubscriptionRow subscription, String why) {
        LOG.warn("Digest of subscription {} to {} not sent: {}", subscription.id(), subscription.channel(), why);
        return new Result.NotSent(why);
    }

    static List<String> programmeIds(DigestSubscriptionRow subscription) {
        return Arrays.stream(subscription.programmes().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
