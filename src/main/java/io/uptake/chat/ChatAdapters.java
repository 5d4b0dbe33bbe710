package io.uptake.chat;

import io.micronaut.context.annotation.Value;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Works out from the configuration which chat adapters are on, and what would turn the others on. */
@Singleton
public class ChatAdapters {

    /**
     * One adapter's state.
     *
     * @param mode   how it runs (for example {@code single-workspace}, {@code oauth}, {@code socket-mode},
     *               {@code authenticated}), or {@code off}
     * @param advice what to set to turn it on or fix it; empty when it is on and sound
     */
    public record Adapter(String name, boolean on, String mode, String advice) {
    }

    /** An adapter is named by the code of the platform it speaks to. */
    private static final String SLACK = Platform.SLACK.code();
    private static final String TEAMS = Platform.TEAMS.code();

    private final Adapter slack;
    private final Adapter teams;

    ChatAdapters(@Value("${uptake.slack.signing-secret:}") String signingSecret,
                 @Value("${uptake.slack.bot-token:}") String botToken,
                 @Value("${uptake.slack.client-id:}") String clientId,
                 @Value("${uptake.slack.client-secret:}") String clientSecret,
                 @Value("${uptake.slack.app-token:}") String appToken,
                 @Value("${uptake.teams.app-id:}") String appId,
                 @Value("${uptake.teams.app-password:}") String appPassword,
                 @Value("${uptake.teams.insecure-local:false}") boolean insecureLocal) {
        this.slack = slack(set(signingSecret), set(botToken), set(clientId), set(clientSecret), set(appToken));
        this.teams = teams(set(appId), set(appPassword), insecureLocal);
    }

    public Adapter slack() {
        return slack;
    }

    public Adapter teams() {
        return teams;
    }

    public List<Adapter> all() {
        return List.of(slack, teams);
    }

    static Adapter slack(boolean signingSecret, boolean botToken, boolean clientId, boolean clientSecret,
                         boolean appToken) {
        String turnOn = "set SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN (one workspace), or with SLACK_CLIENT_ID and "
                + "SLACK_CLIENT_SECRET (installed over OAuth in many workspaces), or SLACK_APP_TOKEN with "
                + "SLACK_BOT_TOKEN (Socket Mode)";
        if (appToken && botToken) {
            return new Adapter(SLACK, true, "socket-mode", "");
        }
        if (signingSecret && botToken) {
            String extra = clientId || clientSecret
                    ? "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are ignored while SLACK_BOT_TOKEN is set" : "";
            return new Adapter(SLACK, true, "single-workspace", extra);
        }
        if (signingSecret && clientId && clientSecret) {
            String extra = appToken ? "SLACK_APP_TOKEN is ignored: Socket Mode needs SLACK_BOT_TOKEN" : "";
            return new Adapter(SLACK, true, "oauth", extra);
        }
        if (signingSecret || botToken || clientId || clientSecret || appToken) {
            String missing = appToken ? "Socket Mode needs SLACK_BOT_TOKEN"
                    : !signingSecret ? "SLACK_SIGNING_SECRET is missing"
                    : clientId || clientSecret ? "OAuth needs both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET"
                    : "SLACK_BOT_TOKEN is missing";
            return new Adapter(SLACK, false, "off", missing + ": " + turnOn);
        }
        return new Adapter(SLACK, false, "off", turnOn);
    }

    static Adapter teams(boolean appId, boolean appPassword, boolean insecureLocal) {
        if (appId && insecureLocal) {
            return new Adapter(TEAMS, false, "refused",
                    "UPTAKE_TEAMS_INSECURE_LOCAL=true is refused while MICROSOFT_APP_ID is set: remove one of them");
        }
        if (appId) {
            return appPassword ? new Adapter(TEAMS, true, "authenticated", "")
                    : new Adapter(TEAMS, false, "off", "MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is missing");
        }
        if (insecureLocal) {
            return new Adapter(TEAMS, true, "insecure-local",
                    "accepting unauthenticated Teams activities (UPTAKE_TEAMS_INSECURE_LOCAL=true): local use only");
        }
        return new Adapter(TEAMS, false, "off", "set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (and "
                + "MICROSOFT_APP_TENANT_ID for a single-tenant bot)");
    }

    /** Lines for the startup log. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Adapter adapter : all()) {
            String state = adapter.on() ? "on (" + adapter.mode() + ")" : adapter.mode();
            lines.add(adapter.name() + " adapter: " + state
                    + (adapter.advice().isEmpty() ? "" : "; " + adapter.advice()));
        }
        return lines;
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
