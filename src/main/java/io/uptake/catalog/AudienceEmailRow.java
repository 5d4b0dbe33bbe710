package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One address of an {@code emails:} audience. */
@MappedEntity(value = "audience_email", escape = false)
public record AudienceEmailRow(@Id @GeneratedValue @Nullable Long id, Long audienceId, String email) {
}
