package io.uptake.chat.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's adapter, replying through the same connector clients as the outbox: the bot's credentials, sane
 * timeouts, and no silent burst of retries on a 5xx (the SDK's own clients retry three times at once).
 */
class ConnectorAdapter extends BotFrameworkAdapter {

    private final Connectors connectors;

    ConnectorAdapter(AppCredentials credentials, AuthenticationConfiguration authConfiguration,
                     Connectors connectors) {
        super(credentials, authConfiguration, null, null, null);
        this.connectors = connectors;
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                          AppCredentials credentials) {
        return CompletableFuture.completedFuture(connectors.client(serviceUrl));
    }
}
