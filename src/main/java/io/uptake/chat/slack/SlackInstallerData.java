package io.uptake.chat.slack;

import io.micronaut.core.annotation.Order;
import io.uptake.message.MyData;
import io.uptake.people.LinkIdentity;
import io.uptake.people.PersonalDataPart;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Slack workspaces a person installed Uptake in over OAuth: the installation keeps the installer's Slack user
 * id. Their export lists those workspaces; their erasure removes the id and keeps the installation.
 */
@Singleton
@Order(40)
class SlackInstallerData implements PersonalDataPart {

    private final LinkIdentity identities;
    private final SlackInstallations installations;

    SlackInstallerData(LinkIdentity identities, SlackInstallations installations) {
        this.identities = identities;
        this.installations = installations;
    }

    @Override
    public List<MyData.Section> export(long personId) {
        List<String> lines = installedBy(personId).stream().map(row -> "You installed Uptake in the Slack "
                + "workspace " + (row.teamName() == null ? row.teamId() : row.teamName() + " (" + row.teamId() + ")")
                + " on " + row.installedAt().toString().substring(0, 10)).toList();
        return lines.isEmpty() ? List.of() : List.of(new MyData.Section("Slack installations", lines));
    }

    @Override
    public void erase(long personId, Instant now) {
        installedBy(personId).forEach(row -> installations.update(row.withoutInstaller()));
    }

    private List<SlackInstallationRow> installedBy(long personId) {
        return identities.accounts(personId, Platform.SLACK).stream()
                .map(account -> installations.findByTeamId(account.tenantId())
                        .filter(row -> account.userId().equals(row.installerUserId())))
                .flatMap(Optional::stream).toList();
    }
}
