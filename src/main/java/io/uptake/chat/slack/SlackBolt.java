package io.uptake.chat.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The Bolt app, with every Uptake listener registered. Request signatures are checked before Bolt sees a
 * request (see {@link SlackSignature}), so Bolt's own, weaker check is off.
 */
@Factory
class SlackBolt {

    @Singleton
    @Requires(property = "uptake.slack.signing-secret", pattern = ".+")
    @Requires(property = "uptake.slack.bot-token", pattern = ".+")
    App app(SlackSettings settings, Slack slack, List<SlackListener> listeners) {
        AppConfig config = AppConfig.builder()
                .signingSecret(settings.signingSecret())
                .singleTeamBotToken(settings.botToken())
                .slack(slack)
                .requestVerificationEnabled(false)
                .build();
        App app = new App(config);
        listeners.forEach(listener -> listener.register(app));
        return app;
    }

    /** Socket Mode without an HTTP request URL: Slack's requests come over the WebSocket, not signed HTTP. */
    @Singleton
    @Requires(property = "uptake.slack.app-token", pattern = ".+")
    @Requires(property = "uptake.slack.bot-token", pattern = ".+")
    @Requires(property = "uptake.slack.signing-secret", pattern = "^$")
    App socketModeApp(SlackSettings settings, Slack slack, List<SlackListener> listeners) {
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .slack(slack)
                .requestVerificationEnabled(false)
                .build();
        App app = new App(config);
        listeners.forEach(listener -> listener.register(app));
        return app;
    }

    /** Many workspaces: each request is authorised with the token its workspace stored when it installed Uptake. */
    @Singleton
    @Requires(property = "uptake.slack.signing-secret", pattern = ".+")
    @Requires(bean = StoredBots.class)
    App oauthApp(SlackSettings settings, Slack slack, List<SlackListener> listeners, StoredBots bots) {
        AppConfig config = AppConfig.builder()
                .signingSecret(settings.signingSecret())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .slack(slack)
                .requestVerificationEnabled(false)
                .build();
        App app = new App(config).service(bots);
        listeners.forEach(listener -> listener.register(app));
        return app;
    }
}
