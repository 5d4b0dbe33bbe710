package io.uptake.chat.teams;

import com.microsoft.bot.connector.Conversations;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * Bot Connector clients, one per service URL, carrying the bot's credentials. They never retry on their own:
 * the outbox dispatcher decides when to try again, with backoff, pacing and a limit.
 *
 * <p>The clients kept here are safe on several nodes: each holds only a service URL and the bot's credentials from
 * configuration, the same on every node, and no data another node can change (installations and conversation
 * references are read from the database at each send).
 */
@Singleton
@Requires(condition = TeamsOn.class)
class Connectors {

    private static final RetryStrategy NEVER = new RetryStrategy("never", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    };

    private final AppCredentials credentials;
    private final Map<String, RestConnectorClient> clients = new ConcurrentHashMap<>();

    Connectors(AppCredentials credentials) {
        this.credentials = credentials;
    }

    Conversations at(String serviceUrl) {
        return client(serviceUrl).getConversations();
    }

    RestConnectorClient client(String serviceUrl) {
        String base = base(serviceUrl);
        return clients.computeIfAbsent(base, url -> new RestConnectorClient(
                RestConnectorClient.getDefaultRestClientBuilder(url, credentials)
                        .withRetryStrategy(NEVER)
                        .withConnectionTimeout(10, TimeUnit.SECONDS)
                        .withReadTimeout(20, TimeUnit.SECONDS)
                        .build()));
    }

    /**
     * Whether a client can be made for this service URL: the SDK's HTTP client takes only a base URL whose path
     * ends in a slash, so one with a query or fragment (the slash added here lands inside it) or one it cannot
     * parse at all fails there, with an exception instead of an answer.
     */
    static boolean usable(String serviceUrl) {
        HttpUrl url = HttpUrl.parse(base(serviceUrl));
        return url != null && url.pathSegments().get(url.pathSegments().size() - 1).isEmpty();
    }

    private static String base(String serviceUrl) {
        return serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
    }

    @PreDestroy
    void close() {
        clients.values().forEach(RestConnectorClient::close);
        clients.clear();
    }
}
