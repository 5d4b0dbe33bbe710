package io.uptake.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: with {@code SLACK_APP_TOKEN} set, Uptake opens a WebSocket to Slack and receives events,
 * button clicks and {@code /uptake} over it, so it needs no public request URL. The same listeners as over HTTP
 * handle them. Apps using Socket Mode cannot be listed in the Slack Marketplace; HTTP is the mode for that.
 */
@Singleton
@Requires(property = "uptake.slack.app-token", pattern = ".+")
@Requires(bean = App.class)
class SlackSocketMode {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);

    private final App app;
    private final SlackSettings settings;
    private volatile SocketModeApp socket;

    SlackSocketMode(App app, SlackSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            socket = new SocketModeApp(settings.appToken(), app);
            socket.startAsync();
            LOG.info("Slack Socket Mode connected");
        } catch (Exception e) {
            LOG.error("Slack Socket Mode could not connect; check SLACK_APP_TOKEN (an xapp- token with "
                    + "connections:write)", e);
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        if (socket != null) {
            try {
                socket.close();
            } catch (Exception e) {
                LOG.warn("Slack Socket Mode did not close cleanly", e);
            }
        }
    }

    boolean connected() {
        return socket != null && !socket.isClientStopped();
    }
}
