package io.uptake.chat.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Lets Bolt find each workspace's bot token in Uptake's own installation table. Installs themselves go through
 * {@link InstallSlack}, so Bolt never saves here; an uninstall marks the workspace gone.
 */
@Singleton
@Requires(bean = InstallationTokens.class)
class StoredBots implements InstallationService {

    private final SlackInstallations installations;
    private final InstallationTokens tokens;
    private final Clock clock;

    StoredBots(SlackInstallations installations, InstallationTokens tokens, Clock clock) {
        this.installations = installations;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        // Installations are kept one per workspace; there is no history to switch on.
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        // Installs are stored by InstallSlack from Uptake's own OAuth redirect, never through Bolt.
    }

    @Override
    public void deleteBot(Bot bot) {
        installations.findByTeamId(bot.getTeamId()).filter(i -> i.uninstalledAt() == null).ifPresent(i ->
                installations.update(i.uninstalled(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))));
    }

    @Override
    public void deleteInstaller(Installer installer) {
        // Uptake keeps no user tokens.
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return installations.findByTeamId(teamId).filter(i -> i.uninstalledAt() == null).map(i -> {
            DefaultBot bot = new DefaultBot();
            bot.setTeamId(i.teamId());
            bot.setEnterpriseId(i.enterpriseId());
            bot.setBotUserId(i.botUserId());
            bot.setBotAccessToken(tokens.botToken(i.teamId()).orElse(i.botToken()));
            bot.setBotScope(i.scopes());
            return (Bot) bot;
        }).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null;
    }
}
