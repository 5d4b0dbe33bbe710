package io.uptake.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a dispatcher pass every {@code uptake.delivery.poll} (2 s) on every node.
 *
 * <p>Dispatch is not a Quartz job: a clustered Quartz runs each job on one node at a time, and the outbox is
 * meant to be sent by all of them at once, each claiming its own rows ({@link OutboxClaims}). One thread per node
 * runs the passes one after another; a pass returns when nothing due is left, so passes never overlap. Nothing
 * runs when {@code uptake.scheduler.enabled} is false (tests call {@link Dispatcher#dispatchDue()} themselves).
 */
@Singleton
class DispatchLoop {

    static final String SINGLE_INSTANCE = "uptake.delivery.single-instance";

    private static final Logger LOG = LoggerFactory.getLogger(DispatchLoop.class);

    private final Dispatcher dispatcher;
    private final OutboxClaims claims;
    private final Duration every;
    private final boolean enabled;
    private final Environment environment;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread loop = new Thread(task, "outbox-dispatch");
        loop.setDaemon(true);
        return loop;
    });

    DispatchLoop(Dispatcher dispatcher, OutboxClaims claims, @Value("${uptake.delivery.poll:2s}") Duration every,
                 @Value("${uptake.scheduler.enabled:true}") boolean enabled, Environment environment) {
        this.dispatcher = dispatcher;
        this.claims = claims;
        this.every = every;
        this.enabled = enabled;
        this.environment = environment;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (environment.containsProperty(SINGLE_INSTANCE)) {
            LOG.warn("{} (UPTAKE_DELIVERY_SINGLE_INSTANCE) is ignored and can be removed: at start-up a node takes "
                    + "back only claims whose lease lapsed, because taking back all of them re-sent the messages "
                    + "another live node on the same database was sending", SINGLE_INSTANCE);
        }
        if (!enabled) {
            return;
        }
        thread.scheduleWithFixedDelay(this::pass, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Outbox dispatch every {} on this node; its claims carry the id {}", every, claims.node());
    }

    /** No pass starts after this; the one running is stopped by {@link Dispatcher#onShutdown}. */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        thread.shutdown();
    }

    @PreDestroy
    void close() {
        thread.shutdownNow();
    }

    private void pass() {
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            // Logged and left for the next pass: an exception would end the loop for good.
            LOG.error("Outbox dispatch pass failed", e);
        }
    }
}
