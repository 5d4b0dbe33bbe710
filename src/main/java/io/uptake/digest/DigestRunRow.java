package io.uptake.digest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One posting of a subscription's digest; at most one per subscription and ISO week. */
@MappedEntity(value = "digest_run", escape = false)
record DigestRunRow(@Id @GeneratedValue @Nullable Long id, long subscriptionId, String week, Instant composedAt) {
}
