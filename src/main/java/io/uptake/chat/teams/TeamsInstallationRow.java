package io.uptake.chat.teams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A conversation the bot was installed in: a personal chat, a team's channel or a group chat, with the reference
 * to message it later.
 *
 * @param scope  {@code personal}, {@code team} (one row per channel seen) or {@code groupChat}
 * @param teamId the team's id for team scope
 */
@MappedEntity(value = "teams_installation", escape = false)
record TeamsInstallationRow(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        String scope,
        String conversationId,
        @Nullable String teamId,
        String serviceUrl,
        String conversationRef,
        Instant installedAt,
        @Nullable Instant uninstalledAt) {

    boolean installed() {
        return uninstalledAt == null;
    }
}
