package io.uptake.delivery;

import io.micronaut.core.annotation.Introspected;
import io.uptake.platform.Platform;

/** Where an outbox message went, without its content: enough to queue an edit of it. */
@Introspected
public record MessageAddress(Long id, String dedupeKey, Platform platform, String tenantId, String recipient) {
}
