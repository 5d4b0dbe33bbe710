package io.uptake.chat.slack;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An inbound delivery already handled. */
@MappedEntity(value = "inbound_seen", escape = false)
record SeenRow(@Id String dedupeKey, Instant receivedAt) {
}
