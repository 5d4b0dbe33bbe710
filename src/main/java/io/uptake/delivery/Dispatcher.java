package io.uptake.delivery;

import io.uptake.message.ChatMessage;
import io.uptake.message.MessageCodec;
import io.uptake.platform.Platform;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox messages through their platform's gateway, paced per tenant, retrying what can be retried.
 *
 * <p>A message is claimed before it is sent and marked after ({@link OutboxClaims}); if the process dies between
 * the platform accepting a message and the mark, the claim lapses and the message is sent again. That window, at
 * most {@code concurrency} messages per crash, is the only way a message goes out twice.
 *
 * <p>A stop (the application context closing, as on SIGTERM) claims nothing more, lets the sends already in the
 * platforms' hands finish, and gives back every claimed row not yet sent, including those waiting for a pacing
 * slot, within {@code uptake.delivery.stop-within} (8 s): another node, or this one restarted, sends them.
 */
@Singleton
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration NO_GATEWAY_RETRY = Duration.ofMinutes(1);
    private static final Duration WAIT_FOR_ORIGINAL = Duration.ofSeconds(5);
    private static final Duration WAIT_FOR_OTHER_EDIT = Duration.ofSeconds(1);

    private final OutboxRepository rows;
    private final OutboxClaims claims;
    private final OutboxTransitions transitions;
    private final EditOrder editOrder;
    private final MessageCodec codec;
    private final Map<Platform, ChatGateway> gateways = new EnumMap<>(Platform.class);
    private final Pacer pacer;
    private final Sleeper sleeper;
    private final DeliverySettings settings;
    private final Clock clock;
    private final ExecutorService pool;
    private final DeliveryMeters meters;
    /** Guards {@link #stopping}, {@link #running} and {@link #waitingForSlot} against a stop. */
    private final Object lock = new Object();
    private final Set<Thread> waitingForSlot = new HashSet<>();
    private volatile boolean stopping;
    private int running;

    Dispatcher(OutboxRepository rows, OutboxClaims claims, OutboxTransitions transitions, EditOrder editOrder,
               MessageCodec codec, List<ChatGateway> gateways, Pacer pacer, Sleeper sleeper, DeliverySettings settings,
               Clock clock, DeliveryMeters meters) {
        this.rows = rows;
        this.claims = claims;
        this.transitions = transitions;
        this.editOrder = editOrder;
        this.codec = codec;
        gateways.forEach(g -> this.gateways.put(g.platform(), g));
        this.pacer = pacer;
        this.sleeper = sleeper;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        AtomicLong threads = new AtomicLong();
        this.pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), task -> {
            Thread thread = new Thread(task, "outbox-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends everything that is due now, waiting as pacing requires; returns when nothing due is left. */
    public DispatchReport dispatchDue() {
        DispatchReport report = new DispatchReport();
        if (!begin()) {
            return report;
        }
        try {
            while (!stopping) {
                DispatchReport pass = new DispatchReport();
                long started = System.nanoTime();
                String claim = claims.newClaim();
                Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
                claims.takeBackLapsed(now);
                // A row an attempt puts back (a retry, a pause, a wait) is due later, so this ends once none is due.
                if (claims.take(claim, now) == 0) {
                    break;
                }
                List<Future<?>> sends = rows.findClaimed(claim, OutboxRow.SENDING).stream()
                        .<Future<?>>map(row -> pool.submit(() -> handle(row, pass)))
                        .toList();
                await(sends);
                merge(report, pass);
                meters.pass(pass, Duration.ofNanos(System.nanoTime() - started));
            }
        } finally {
            end();
        }
        if (!report.idle()) {
            LOG.info("Outbox pass: {}", report);
        }
        return report;
    }

    /**
     * Stops sending within {@code stop-within}: claims nothing more, lets the sends already made finish, and gives
     * back every claimed row not sent. Runs on the shutdown event, before any bean (the data source) is destroyed.
     */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    /** See {@link #onShutdown}; a second call does nothing. */
    @PreDestroy
    void stop() {
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
            waitingForSlot.forEach(Thread::interrupt);
        }
        long started = System.nanoTime();
        boolean finished = awaitPasses(started + settings.stopWithin().toNanos());
        try {
            int given = claims.giveBack();
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (!finished) {
                LOG.warn("Outbox dispatcher of node {} stopped after {} ms with sends still unanswered; {} claimed "
                        + "messages were given back, and the unanswered ones may go out twice", claims.node(), took,
                        given);
            } else if (given > 0) {
                LOG.info("Outbox dispatcher of node {} stopped in {} ms; {} claimed messages not sent were given back",
                        claims.node(), took, given);
            }
        } catch (RuntimeException e) {
            LOG.warn("Node {} could not give back its outbox claims; they return when their lease lapses",
                    claims.node(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether a stop has begun; a stopping dispatcher claims and sends nothing more. */
    boolean stopping() {
        return stopping;
    }

    private boolean begin() {
        synchronized (lock) {
            if (stopping) {
                return false;
            }
            running++;
        }
        claims.hold();
        return true;
    }

    private void end() {
        claims.letGo();
        synchronized (lock) {
            running--;
            lock.notifyAll();
        }
    }

    private boolean awaitPasses(long deadline) {
        synchronized (lock) {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void handle(OutboxRow row, DispatchReport report) {
        if (stopping) {
            return; // given back by the stop, as it was
        }
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

    /**
     * Waits for the tenant's next sending slot; false if the row went back to the queue instead, or is left for
     * a stop to give back (a stop interrupts the wait, never a send).
     */
    private boolean waitForSlot(Envelope envelope, OutboxRow row, DispatchReport report) {
        Instant slot = pacer.reserve(envelope);
        Thread self = Thread.currentThread();
        synchronized (lock) {
            if (stopping) {
                return false;
            }
            waitingForSlot.add(self);
        }
        boolean interrupted = false;
        try {
            sleeper.sleepUntil(slot);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            synchronized (lock) {
                waitingForSlot.remove(self);
                // Only a stop interrupts this wait; clearing the flag here keeps it from reaching the send.
                interrupted |= Thread.interrupted();
            }
        }
        if (stopping) {
            return false;
        }
        if (interrupted) {
            transitions.release(row, row.notBefore());
            report.deferred.incrementAndGet();
            return false;
        }
        Instant paused = pacer.pausedUntil(envelope);
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
        meters.result(envelope, result);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (result instanceof SendResult.Sent sent) {
            transitions.sent(row, sent.messageRef(), now, message.forgetAfterSending());
            report.sent.incrementAndGet();
        } else if (result instanceof SendResult.RateLimited limited) {
            Instant until = now.plus(limited.retryAfter());
            pacer.limited(envelope, limited.retryAfter());
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
