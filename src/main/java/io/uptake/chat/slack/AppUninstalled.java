package io.uptake.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace removed Uptake, or revoked its bot token: the stored installation is marked gone, so no more
 * messages are attempted there. In single-workspace mode the configured token is simply dead, and the log says so.
 */
@Singleton
class AppUninstalled implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(AppUninstalled.class);

    private final SlackInstallations installations;
    private final Clock clock;

    AppUninstalled(SlackInstallations installations, Clock clock) {
        this.installations = installations;
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        app.event(AppUninstalledEvent.class, (request, context) -> {
            gone(request.getTeamId(), "uninstalled");
            return context.ack();
        });
        app.event(TokensRevokedEvent.class, (request, context) -> {
            var bots = request.getEvent().getTokens() == null ? null : request.getEvent().getTokens().getBot();
            if (bots != null && !bots.isEmpty()) {
                gone(request.getTeamId(), "bot token revoked");
            }
            return context.ack();
        });
    }

    void gone(String teamId, String why) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        installations.findByTeamId(teamId).filter(i -> i.uninstalledAt() == null).ifPresentOrElse(i ->
                installations.update(i.uninstalled(now)),
                () -> LOG.warn("Slack workspace {}: Uptake was {}; the configured SLACK_BOT_TOKEN no longer works",
                        teamId, why));
        LOG.info("Slack workspace {}: Uptake was {}", teamId, why);
    }
}
