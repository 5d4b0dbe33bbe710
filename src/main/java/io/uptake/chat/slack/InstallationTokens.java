package io.uptake.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bot tokens of the workspaces that installed Uptake over OAuth. A rotating token is refreshed shortly before it
 * expires; a claim in the database lets only one instance refresh it, because a refresh revokes the old refresh
 * token and a second one at the same time would fail.
 */
@Singleton
@Requires(property = "uptake.slack.client-id", pattern = ".+")
@Requires(property = "uptake.slack.client-secret", pattern = ".+")
@Requires(property = "uptake.slack.bot-token", pattern = "^$")
class InstallationTokens implements SlackTokens, SlackWorkspaces {

    static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    static final Duration CLAIM_LEASE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(InstallationTokens.class);

    private final SlackInstallations installations;
    private final MethodsClient methods;
    private final SlackSettings settings;
    private final Clock clock;

    InstallationTokens(SlackInstallations installations, MethodsClient methods, SlackSettings settings, Clock clock) {
        this.installations = installations;
        this.methods = methods;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<String> botToken(String teamId) {
        return installations.findByTeamId(teamId).filter(i -> i.uninstalledAt() == null).map(this::fresh);
    }

    @Override
    public List<Workspace> all() {
        return installations.findByUninstalledAtIsNull().stream()
                .map(i -> new Workspace(i.teamId(), fresh(i))).toList();
    }

    private String fresh(SlackInstallationRow row) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (row.botRefreshToken() == null || row.botTokenExpires() == null
                || row.botTokenExpires().isAfter(now.plus(REFRESH_BEFORE))) {
            return row.botToken();
        }
        if (installations.claimRefresh(row.teamId(), now, now.minus(CLAIM_LEASE)) == 0) {
            return installations.findByTeamId(row.teamId()).map(SlackInstallationRow::botToken).orElse(row.botToken());
        }
        return refresh(row, now);
    }

    private String refresh(SlackInstallationRow row, Instant now) {
        try {
            OAuthV2AccessResponse response = methods.oauthV2Access(r -> r.clientId(settings.clientId())
                    .clientSecret(settings.clientSecret()).grantType("refresh_token")
                    .refreshToken(row.botRefreshToken()));
            if (!response.isOk()) {
                LOG.warn("Slack token refresh for workspace {} failed: {}", row.teamId(), response.getError());
                release(row);
                return row.botToken();
            }
            Instant expires = response.getExpiresIn() == null ? null : now.plusSeconds(response.getExpiresIn());
            installations.update(row.refreshed(response.getAccessToken(), response.getRefreshToken(), expires));
            LOG.info("Slack bot token of workspace {} refreshed", row.teamId());
            return response.getAccessToken();
        } catch (Exception e) {
            LOG.warn("Slack token refresh for workspace {} could not be made", row.teamId(), e);
            release(row);
            return row.botToken();
        }
    }

    private void release(SlackInstallationRow row) {
        installations.findByTeamId(row.teamId()).ifPresent(i -> installations.update(i.unclaimed()));
    }
}
