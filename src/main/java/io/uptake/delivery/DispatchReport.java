package io.uptake.delivery;

import java.util.concurrent.atomic.AtomicInteger;

/** What one dispatcher pass did, for logs and tests. */
public final class DispatchReport {

    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger rateLimited = new AtomicInteger();
    final AtomicInteger dead = new AtomicInteger();
    final AtomicInteger expired = new AtomicInteger();
    final AtomicInteger deferred = new AtomicInteger();
    final AtomicInteger superseded = new AtomicInteger();

    public int sent() {
        return sent.get();
    }

    public int retried() {
        return retried.get();
    }

    public int rateLimited() {
        return rateLimited.get();
    }

    public int dead() {
        return dead.get();
    }

    public int expired() {
        return expired.get();
    }

    public int deferred() {
        return deferred.get();
    }

    /** Edits dropped unsent because a newer edit of the same message was queued or sent. */
    public int superseded() {
        return superseded.get();
    }

    boolean idle() {
        return sent() + retried() + rateLimited() + dead() + expired() + deferred() + superseded() == 0;
    }

    @Override
    public String toString() {
        return "sent=" + sent + " retried=" + retried + " rateLimited=" + rateLimited + " dead=" + dead
                + " expired=" + expired + " deferred=" + deferred + " superseded=" + superseded;
    }
}
