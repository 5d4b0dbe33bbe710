package io.uptake.people;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The one-way fingerprint of an email address or chat account whose person was erased. */
@MappedEntity(value = "erased_identity", escape = false)
record ErasedIdentityRow(@Id String fingerprint, Instant erasedAt) {
}
