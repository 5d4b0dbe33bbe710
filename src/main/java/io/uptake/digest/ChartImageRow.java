package io.uptake.digest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A rendered digest chart, served publicly under its unguessable token. */
@MappedEntity(value = "chart_image", escape = false)
record ChartImageRow(@Id String token, @Nullable Long digestRunId, byte[] png, Instant createdAt) {
}
