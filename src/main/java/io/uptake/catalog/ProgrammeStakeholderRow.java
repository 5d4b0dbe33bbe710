package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One named stakeholder of a programme, asked its quarterly stakeholder pulse. */
@MappedEntity(value = "programme_stakeholder", escape = false)
public record ProgrammeStakeholderRow(@Id @GeneratedValue @Nullable Long id, String programmeId, String email) {
}
