package io.uptake.chat.teams;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Keeps one row per conversation the bot is in, with its latest reference; uninstalling keeps the row. */
@Singleton
class InstallationStore {

    /** Where the bot was added: what one installation row records. */
    record Installed(String tenantId, String scope, String conversationId, String teamId, String serviceUrl,
                     String conversationRef) {
    }

    private final TeamsInstallations rows;
    private final Clock clock;

    InstallationStore(TeamsInstallations rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Records or refreshes an installation; returns whether it is new or had been uninstalled. */
    @Transactional
    boolean save(Installed installed) {
        Instant now = now();
        Optional<TeamsInstallationRow> known = rows.findByTenantIdAndConversationId(installed.tenantId(),
                installed.conversationId());
        if (known.isEmpty()) {
            rows.save(new TeamsInstallationRow(null, installed.tenantId(), installed.scope(),
                    installed.conversationId(), installed.teamId(), installed.serviceUrl(),
                    installed.conversationRef(), now, null));
            return true;
        }
        TeamsInstallationRow row = known.get();
        TeamsInstallationRow current = new TeamsInstallationRow(row.id(), row.tenantId(), installed.scope(),
                row.conversationId(), installed.teamId() != null ? installed.teamId() : row.teamId(),
                installed.serviceUrl(), installed.conversationRef(), row.installed() ? row.installedAt() : now, null);
        if (!current.equals(row)) {
            rows.update(current);
        }
        return !row.installed();
    }

    /** Marks a conversation, or for a team all its channels, as no longer holding the bot. */
    @Transactional
    int remove(String tenantId, String conversationId, String teamId) {
        Instant now = now();
        List<TeamsInstallationRow> gone = teamId != null ? rows.findByTeamIdOrderByIdDesc(teamId)
                : rows.findByTenantIdAndConversationId(tenantId, conversationId).stream().toList();
        int removed = 0;
        for (TeamsInstallationRow row : gone) {
            if (row.installed()) {
                rows.update(new TeamsInstallationRow(row.id(), row.tenantId(), row.scope(), row.conversationId(),
                        row.teamId(), row.serviceUrl(), row.conversationRef(), row.installedAt(), now));
                removed++;
            }
        }
        return removed;
    }

    /** The team's installation to read its roster through, if the bot is still in the team. */
    Optional<TeamsInstallationRow> team(String teamId) {
        return rows.findByTeamIdOrderByIdDesc(teamId).stream().filter(TeamsInstallationRow::installed).findFirst();
    }

    /** The installation in a team channel (or any conversation) with this id, while the bot is still there. */
    Optional<TeamsInstallationRow> channel(String conversationId) {
        return rows.findByConversationIdOrderByIdDesc(conversationId).stream()
                .filter(TeamsInstallationRow::installed).findFirst();
    }

    /** The Bot Connector the tenant's activities came from most recently. */
    Optional<String> serviceUrl(String tenantId) {
        return rows.findByTenantIdOrderByIdDesc(tenantId).stream().map(TeamsInstallationRow::serviceUrl).findFirst();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
