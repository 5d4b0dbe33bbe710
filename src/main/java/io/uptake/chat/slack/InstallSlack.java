package io.uptake.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Slack's OAuth install: the link to Slack's consent page, and storing the workspace's bot token on return. */
@Singleton
@Requires(bean = InstallationTokens.class)
class InstallSlack {

    static final String SCOPES = "chat:write,commands,users:read,users:read.email,channels:read,groups:read,"
            + "usergroups:read,files:write";
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What came of an install. */
    sealed interface Outcome {
        /** Installed (or reinstalled) in this workspace. */
        record Installed(String teamId, String teamName) implements Outcome {
        }

        /** Not installed; the reason is for the person who tried. */
        record Refused(String reason) implements Outcome {
        }
    }

    private final OAuthStates states;
    private final SlackInstallations installations;
    private final MethodsClient methods;
    private final SlackSettings settings;
    private final String publicUrl;
    private final String authorizeUrl;
    private final Clock clock;

    InstallSlack(OAuthStates states, SlackInstallations installations, MethodsClient methods, SlackSettings settings,
                 @Value("${uptake.public-url:}") String publicUrl,
                 @Value("${uptake.slack.authorize-url:`https://slack.com/oauth/v2/authorize`}") String authorizeUrl,
                 Clock clock) {
        this.states = states;
        this.installations = installations;
        this.methods = methods;
        this.settings = settings;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.authorizeUrl = authorizeUrl;
        this.clock = clock;
    }

    /** The consent page address, with a fresh one-time state. */
    String consentUrl() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String state = HexFormat.of().formatHex(bytes);
        states.issue(state, now().plus(STATE_LIFETIME));
        return authorizeUrl + "?client_id=" + enc(settings.clientId()) + "&scope=" + enc(SCOPES) + "&state=" + state
                + "&redirect_uri=" + enc(redirectUri());
    }

    @Transactional
    Outcome complete(String code, String state) {
        if (state == null || states.redeem(state, now()) == 0) {
            return new Outcome.Refused("This install link has expired or was already used. Start again from "
                    + "/slack/install.");
        }
        if (code == null || code.isBlank()) {
            return new Outcome.Refused("Slack did not send an authorisation code.");
        }
        OAuthV2AccessResponse response;
        try {
            response = methods.oauthV2Access(r -> r.clientId(settings.clientId())
                    .clientSecret(settings.clientSecret()).code(code).redirectUri(redirectUri()));
        } catch (Exception e) {
            return new Outcome.Refused("Slack could not be reached to finish the install; try again.");
        }
        if (!response.isOk() || response.getTeam() == null) {
            return new Outcome.Refused("Slack refused the install: " + response.getError() + ".");
        }
        store(response);
        return new Outcome.Installed(response.getTeam().getId(), response.getTeam().getName());
    }

    private void store(OAuthV2AccessResponse r) {
        Instant now = now();
        Instant expires = r.getExpiresIn() == null ? null : now.plusSeconds(r.getExpiresIn());
        String enterprise = r.getEnterprise() == null ? null : r.getEnterprise().getId();
        String installer = r.getAuthedUser() == null ? null : r.getAuthedUser().getId();
        Long id = installations.findByTeamId(r.getTeam().getId()).map(SlackInstallationRow::id).orElse(null);
        SlackInstallationRow row = new SlackInstallationRow(id, r.getTeam().getId(), enterprise, r.getBotUserId(),
                r.getAccessToken(), r.getRefreshToken(), expires, r.getScope(), installer, r.getTeam().getName(), null,
                now, null);
        if (id == null) {
            installations.save(row);
        } else {
            installations.update(row);
        }
    }

    private String redirectUri() {
        return publicUrl + "/slack/oauth_redirect";
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
