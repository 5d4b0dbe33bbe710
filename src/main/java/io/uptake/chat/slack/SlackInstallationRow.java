package io.uptake.chat.slack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A workspace that installed Uptake over OAuth, with its bot token.
 *
 * @param botRefreshToken  present when the app rotates tokens; the token then expires at {@code botTokenExpires}
 * @param refreshClaimedAt set while one instance refreshes the token, so no other refreshes it at the same time
 */
@MappedEntity(value = "slack_installation", escape = false)
record SlackInstallationRow(
        @Id @GeneratedValue @Nullable Long id,
        String teamId,
        @Nullable String enterpriseId,
        @Nullable String botUserId,
        String botToken,
        @Nullable String botRefreshToken,
        @Nullable Instant botTokenExpires,
        @Nullable String scopes,
        @Nullable String installerUserId,
        @Nullable String teamName,
        @Nullable Instant refreshClaimedAt,
        Instant installedAt,
        @Nullable Instant uninstalledAt) {

    /** The workspace removed Uptake or revoked its token. */
    SlackInstallationRow uninstalled(Instant at) {
        return new SlackInstallationRow(id, teamId, enterpriseId, botUserId, botToken, botRefreshToken, botTokenExpires,
                scopes, installerUserId, teamName, null, installedAt, at);
    }

    /** A refreshed token, with the refresh claim given back. */
    SlackInstallationRow refreshed(String token, @Nullable String refreshToken, @Nullable Instant expires) {
        return new SlackInstallationRow(id, teamId, enterpriseId, botUserId, token, refreshToken, expires, scopes,
                installerUserId, teamName, null, installedAt, uninstalledAt);
    }

    /** The installation without the Slack user id of the person who installed it, who asked to be forgotten. */
    SlackInstallationRow withoutInstaller() {
        return new SlackInstallationRow(id, teamId, enterpriseId, botUserId, botToken, botRefreshToken, botTokenExpires,
                scopes, null, teamName, refreshClaimedAt, installedAt, uninstalledAt);
    }

    /** The refresh claim given back without a new token. */
    SlackInstallationRow unclaimed() {
        return refreshed(botToken, botRefreshToken, botTokenExpires);
    }
}
