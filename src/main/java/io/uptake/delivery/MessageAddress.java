package io.uptake.delivery;

import io.micronaut.core.annotation.Introspected;

/** Where an outbox message went, without its content: enough to queue an edit of it. */
@Introspected
public record MessageAddress(Long id, String dedupeKey, String platform, String tenantId, String recipient) {
}
