package io.uptake.digest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.platform.Platform;
import io.uptake.delivery.ChannelAddresses;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.ChatMessage;
import io.uptake.message.DigestChart;
import io.uptake.message.DigestMessage;
import io.uptake.metrics.Scorecard;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Claims a subscription's week and queues its digest, in one short transaction: the run row, the chart and the
 * outbox rows are written together or not at all. The slow work (figures, drawing) is done before.
 */
@Singleton
class QueueDigest {

    /** A digest older than this is no longer worth posting: next week's is due. */
    static final Duration STALE_AFTER = Duration.ofDays(6);

    /**
     * A digest ready to queue.
     *
     * @param png          the chart, or null when none is sent
     * @param chartBaseUrl for platforms that load the chart by address, the public base; null to upload it
     */
    record Request(long subscriptionId, Platform platform, ChannelAddresses.Address address, DigestWeek week,
                   Scorecard scorecard, @Nullable byte[] png, @Nullable String chartBaseUrl, Instant now) {
    }

    private final ComposeDigest compose;
    private final ChartImages charts;
    private final DigestRepositories.Runs runs;
    private final Outbox outbox;

    QueueDigest(ComposeDigest compose, ChartImages charts, DigestRepositories.Runs runs, Outbox outbox) {
        this.compose = compose;
        this.charts = charts;
        this.runs = runs;
        this.outbox = outbox;
    }

    @Transactional
    SendDigest.Result queue(Request r) {
        String week = r.week().name();
        if (runs.insertIfAbsent(r.subscriptionId(), week, r.now()) == 0) {
            return new SendDigest.Result.AlreadySent(week);
        }
        long runId = runs.findBySubscriptionIdAndWeek(r.subscriptionId(), week).orElseThrow().id();
        String token = r.png() == null ? null : charts.store(r.png(), runId);
        String key = "digest:" + r.subscriptionId() + ":" + week + ":";
        List<DigestMessage> parts;
        if (r.platform() == Platform.SLACK) {
            parts = compose.compose(r.scorecard(), ComposeDigest.SLACK_UNITS, ComposeDigest.SLACK_CHARACTERS,
                    null);
            parts.forEach(p -> enqueue(r, key + p.part(), p));
            if (token != null) {
                enqueue(r, key + "chart", new DigestChart(parts.get(0).title(), week, token));
            }
        } else {
            String chartUrl = token == null || r.chartBaseUrl() == null ? null
                    : r.chartBaseUrl() + "/charts/" + token + ".png";
            parts = compose.compose(r.scorecard(), ComposeDigest.TEAMS_UNITS, chartUrl);
            parts.forEach(p -> enqueue(r, key + p.part(), p));
        }
        return new SendDigest.Result.Sent(runId, week, parts.size());
    }

    private void enqueue(Request r, String key, ChatMessage message) {
        outbox.enqueue(new NewMessage(key, r.platform(), r.address().tenantId(), r.address().recipient(), null,
                message, r.now(), r.now().plus(STALE_AFTER), null, null));
    }
}
