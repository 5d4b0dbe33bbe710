package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One attempt to load the programmes file, accepted or not. */
@MappedEntity(value = "catalog_load", escape = false)
public record CatalogLoadRow(
        @Id @GeneratedValue @Nullable Long id,
        String source,
        @Nullable String sha256,
        boolean accepted,
        String summary,
        Instant loadedAt) {
}
