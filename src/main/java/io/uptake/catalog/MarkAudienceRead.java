package io.uptake.catalog;

import jakarta.inject.Singleton;
import java.time.Instant;

/** Notes when an audience's members were last read from its chat platform. */
@Singleton
public class MarkAudienceRead {

    private final CatalogRepositories.Audiences audiences;

    MarkAudienceRead(CatalogRepositories.Audiences audiences) {
        this.audiences = audiences;
    }

    public void at(long audienceId, Instant readAt) {
        audiences.updateLastSyncedAt(audienceId, readAt);
    }
}
