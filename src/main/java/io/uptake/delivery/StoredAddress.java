package io.uptake.delivery;

import io.micronaut.core.annotation.Introspected;
import io.uptake.platform.Platform;

/**
 * An outbox row's address as the database holds it, read without the row's content. Its platform is the stored code:
 * Micronaut Data maps a projection like this one without the entity's attribute converters.
 */
@Introspected
record StoredAddress(Long id, String dedupeKey, String platform, String tenantId, String recipient) {

    MessageAddress address() {
        return new MessageAddress(id, dedupeKey, Platform.fromCode(platform), tenantId, recipient);
    }
}
