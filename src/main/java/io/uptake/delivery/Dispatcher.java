package io.uptake.delivery;

import io.uptake.message.ChatMessage;
import io.uptake.message.MessageCodec;
import io.uptake.platform.Platform;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox messages through their platform's gateway, paced per tenant, retrying what can be retried.
 *
 * <p>A message is claimed before it is sent and marked after; if the process dies between the platform
 * accepting a message and the mark, the claim lapses and the message is sent again. That window, at most
 * {@code concurrency} messages per crash, is the only way a message goes out twice.
 */
@Singleton
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration NO_GATEWAY_RETRY = Duration.ofMinutes(1);
    private static final Duration WAIT_FOR_ORIGINAL = Duration.ofSeconds(5);
    private static final Duration WAIT_FOR_OTHER_EDIT = Duration.ofSeconds(1);

    private final OutboxRepository rows;
    private final OutboxTransitions transitions;
    private final EditOrder editOrder;
    private final MessageCodec codec;
    private final Map<Platform, ChatGateway> gateways = new EnumMap<>(Platform.class);
    private final Pacer pacer;
    private final Sleeper sleeper;
    private final DeliverySettings settings;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong passes = new AtomicLong();
    private final ExecutorService pool;

    Dispatcher(OutboxRepository rows, OutboxTransitions transitions, EditOrder editOrder, MessageCodec codec,
               List<ChatGateway> gateways, Pacer pacer, Sleeper sleeper, DeliverySettings settings, Clock clock) {
        this.rows = rows;
        this.transitions = transitions;
        this.editOrder = editOrder;
        this.codec = codec;
        gateways.forEach(g -> this.gateways.put(g.platform(), g));
        this.pacer = pacer;
        this.sleeper = sleeper;
        this.settings = settings;
        this.clock = clock;
        AtomicLong threads = new AtomicLong();
        this.pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), task -> {
            Thread thread = new Thread(task, "outbox-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Sends everything that is due now, waiting as pacing requires; returns when nothing due is left. */
    public DispatchReport dispatchDue() {
        DispatchReport report = new DispatchReport();
        while (true) {
            DispatchReport pass = new DispatchReport();
            String claim = instance + ":" + passes.incrementAndGet();
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            rows.releaseStaleClaims(now.minus(settings.claimLease()));
            if (rows.claimDue(claim, now, settings.batchSize()) == 0) {
                break;
            }
            List<Future<?>> sends = rows.findClaimed(claim, OutboxRow.SENDING).stream()
                    .<Future<?>>map(row -> pool.submit(() -> handle(row, pass)))
                    .toList();
            await(sends);
            merge(report, pass);
            if (pass.sent() + pass.dead() + pass.expired() + pass.retried() + pass.superseded() == 0) {
                break;
            }
        }
        if (!report.idle()) {
            LOG.info("Outbox pass: {}", report);
        }
        return report;
    }

    /** Claims left by a dispatcher that stopped mid-send are given back; the sends they held go out again. */
    public int releaseClaimsAtStartup(boolean allOfThem) {
        Instant before = allOfThem ? Instant.now(clock).plusSeconds(1)
                : Instant.now(clock).minus(settings.claimLease());
        int released = rows.releaseStaleClaims(before.truncatedTo(ChronoUnit.MILLIS));
        if (released > 0) {
            LOG.warn("{} outbox messages were being sent when the service stopped; they will be sent again", released);
        }
        return released;
    }

    private void handle(OutboxRow row, DispatchReport report) {
        try {
            attempt(row, report);
        } catch (RuntimeException e) {
            LOG.error("Outbox message {} ({}) failed unexpectedly", row.id(), row.kind(), e);
            if (row.attempts() + 1 >= settings.maxAttempts()) {
                transitions.finish(row, OutboxRow.DEAD, e.getClass().getSimpleName(), false);
                report.dead.incrementAndGet();
            } else {
                transitions.retryLater(row, backoff(row.attempts() + 1), e.getClass().getSimpleName());
                report.retried.incrementAndGet();
            }
        }
    }

    private void attempt(OutboxRow row, DispatchReport report) {
        Instant now = clock.instant();
        ChatMessage message = codec.read(row.kind(), row.payload());
        if (row.expiresAt() != null && !now.isBefore(row.expiresAt())) {
            transitions.finish(row, OutboxRow.EXPIRED, "not sent before it expired", message.forgetAfterSending());
            report.expired.incrementAndGet();
            return;
        }
        Platform platform = row.platform();
        ChatGateway gateway = gateways.get(platform);
        if (gateway == null) {
            LOG.warn("No {} adapter is on; outbox message {} waits", row.platform(), row.id());
            transitions.release(row, now.plus(NO_GATEWAY_RETRY));
            report.deferred.incrementAndGet();
            return;
        }
        Optional<String> updateRef = Optional.empty();
        if (row.updatesId() != null) {
            Optional<OutboxRow> original = rows.findById(row.updatesId());
            String status = original.map(OutboxRow::status).orElse(OutboxRow.CANCELLED);
            if (OutboxRow.PENDING.equals(status) || OutboxRow.SENDING.equals(status)) {
                transitions.release(row, now.plus(WAIT_FOR_ORIGINAL));
                report.deferred.incrementAndGet();
                return;
            }
            if (!OutboxRow.SENT.equals(status) || original.get().messageRef() == null) {
                transitions.finish(row, OutboxRow.CANCELLED, "the message to edit was never sent",
                        message.forgetAfterSending());
                return;
            }
            updateRef = Optional.of(original.get().messageRef());
            if (row.editSeq() != null && editOrder.superseded(row.updatesId(), row.editSeq())) {
                dropSuperseded(row, message, report);
                return;
            }
        }
        Envelope envelope = new Envelope(row.id(), platform, row.tenantId(), row.recipient(), message, updateRef);
        if (!waitForSlot(envelope, row, report)) {
            return;
        }
        if (row.editSeq() == null) {
            send(gateway, envelope, row, message, report);
        } else {
            sendInTurn(gateway, envelope, row, message, report);
        }
    }

    /** Sends a numbered edit only if it is still its message's newest, and no other edit of it is on its way. */
    private void sendInTurn(ChatGateway gateway, Envelope envelope, OutboxRow row, ChatMessage message,
                            DispatchReport report) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        switch (editOrder.take(row.updatesId(), row.editSeq(), now)) {
            case SUPERSEDED -> dropSuperseded(row, message, report);
            case WAIT -> {
                transitions.release(row, now.plus(WAIT_FOR_OTHER_EDIT));
                report.deferred.incrementAndGet();
            }
            case SEND -> {
                boolean sent = false;
                try {
                    sent = send(gateway, envelope, row, message, report);
                } finally {
                    editOrder.finish(row.updatesId(), row.editSeq(), sent);
                }
            }
        }
    }

    private void dropSuperseded(OutboxRow row, ChatMessage message, DispatchReport report) {
        transitions.finish(row, OutboxRow.CANCELLED, "superseded by a newer edit of the same message",
                message.forgetAfterSending());
        report.superseded.incrementAndGet();
    }

    private boolean waitForSlot(Envelope envelope, OutboxRow row, DispatchReport report) {
        try {
            sleeper.sleepUntil(pacer.reserve(envelope));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transitions.release(row, clock.instant());
            return false;
        }
        Instant paused = pacer.pausedUntil(envelope.platform(), envelope.tenantId());
        if (paused != null) {
            transitions.release(row, paused);
            report.deferred.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Sends one message and records the outcome; returns whether the platform accepted it. */
    private boolean send(ChatGateway gateway, Envelope envelope, OutboxRow row, ChatMessage message,
                         DispatchReport report) {
        SendResult result;
        try {
            result = gateway.send(envelope);
        } catch (RuntimeException e) {
            LOG.warn("{} gateway threw for outbox message {}", envelope.platform(), row.id(), e);
            result = new SendResult.Failed(e.getClass().getSimpleName());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (result instanceof SendResult.Sent sent) {
            transitions.sent(row, sent.messageRef(), now, message.forgetAfterSending());
            report.sent.incrementAndGet();
        } else if (result instanceof SendResult.RateLimited limited) {
            Instant until = now.plus(limited.retryAfter());
            pacer.pause(envelope.platform(), envelope.tenantId(), until);
            LOG.warn("{} tenant {} is rate limited; pausing it for {}", envelope.platform(), envelope.tenantId(),
                    limited.retryAfter());
            transitions.release(row, until);
            report.rateLimited.incrementAndGet();
        } else if (result instanceof SendResult.Failed failed) {
            if (row.attempts() + 1 >= settings.maxAttempts()) {
                LOG.warn("Outbox message {} dead after {} attempts: {}", row.id(), row.attempts() + 1, failed.reason());
                transitions.finish(row, OutboxRow.DEAD, failed.reason(), false);
                report.dead.incrementAndGet();
            } else {
                transitions.retryLater(row, backoff(row.attempts() + 1), failed.reason());
                report.retried.incrementAndGet();
            }
        } else if (result instanceof SendResult.Rejected rejected) {
            LOG.warn("Outbox message {} rejected by {}: {}", row.id(), envelope.platform(), rejected.reason());
            if (rejected.recipientGone()) {
                transitions.recipientGone(row, rejected.reason(), message.forgetAfterSending());
            } else {
                transitions.finish(row, OutboxRow.DEAD, rejected.reason(), message.forgetAfterSending());
            }
            report.dead.incrementAndGet();
        }
        return result instanceof SendResult.Sent;
    }

    private Instant backoff(int attempt) {
        long base = settings.retryBase().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.retryCap().toMillis());
        long jittered = (long) (capped * ThreadLocalRandom.current().nextDouble(0.5, 1.5));
        return clock.instant().plusMillis(jittered).truncatedTo(ChronoUnit.MILLIS);
    }

    private static void await(List<Future<?>> sends) {
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.error("A send task failed", e.getCause());
            }
        }
    }

    private static void merge(DispatchReport into, DispatchReport pass) {
        into.sent.addAndGet(pass.sent());
        into.retried.addAndGet(pass.retried());
        into.rateLimited.addAndGet(pass.rateLimited());
        into.dead.addAndGet(pass.dead());
        into.expired.addAndGet(pass.expired());
        into.deferred.addAndGet(pass.deferred());
        into.superseded.addAndGet(pass.superseded());
    }
}
