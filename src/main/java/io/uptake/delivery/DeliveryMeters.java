package io.uptake.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Counts what the dispatcher does, for {@code GET /prometheus}: each send's result by platform and tenant (a 429
 * is the result {@code rate_limited}), and each dispatch pass with how long it took and how much it handled.
 *
 * <p>Tenants are the Slack workspaces and Teams tenants the app is installed in, so the series stay few. Each node
 * counts its own sends; a cluster's totals are the sum over its nodes.
 */
@Singleton
public final class DeliveryMeters {

    static final String SENDS = "uptake.outbox.sends";
    static final String PASSES = "uptake.outbox.dispatch.passes";
    static final String HANDLED = "uptake.outbox.dispatch.handled";

    private final MeterRegistry registry;
    private final Timer passes;
    private final Counter handled;

    DeliveryMeters(MeterRegistry registry) {
        this.registry = registry;
        this.passes = Timer.builder(PASSES).description("Outbox dispatch passes on this node and how long each took")
                .register(registry);
        this.handled = Counter.builder(HANDLED)
                .description("Outbox messages this node's passes sent, retried, gave up or dropped")
                .register(registry);
    }

    /** One platform call and what it answered. */
    void result(Envelope envelope, SendResult result) {
        Counter.builder(SENDS).description("Messages sent to a chat platform on this node, by what it answered")
                .tag("platform", envelope.platform().code()).tag("tenant", envelope.tenantId())
                .tag("result", name(result)).register(registry).increment();
    }

    /** One pass of the dispatcher: one batch claimed and handled. */
    void pass(DispatchReport pass, Duration took) {
        passes.record(took);
        handled.increment(pass.sent() + pass.retried() + pass.dead() + pass.expired() + pass.superseded());
    }

    private static String name(SendResult result) {
        if (result instanceof SendResult.Sent) {
            return "sent";
        }
        if (result instanceof SendResult.RateLimited) {
            return "rate_limited";
        }
        return result instanceof SendResult.Failed ? "failed" : "rejected";
    }
}
