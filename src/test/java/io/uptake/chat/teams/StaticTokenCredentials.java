package io.uptake.chat.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/**
 * Outbound credentials for tests: a fixed bearer token instead of a call to Azure AD, so the fake connector can
 * check the bot signs what it sends.
 */
final class StaticTokenCredentials extends AppCredentials {

    static final String TOKEN = "outbound-test-token";

    StaticTokenCredentials(String appId) {
        super(null);
        setAppId(appId);
    }

    @Override
    public CompletableFuture<String> getToken() {
        return CompletableFuture.completedFuture(TOKEN);
    }

    @Override
    protected Authenticator buildAuthenticator() {
        throw new IllegalStateException("tests never ask Azure AD for a token");
    }

    /** Puts these credentials in place of the real ones in every test context where the Teams adapter is on. */
    @Factory
    @Requires(env = Environment.TEST)
    static class InTests {

        @Singleton
        @Replaces(bean = AppCredentials.class, factory = BotFramework.class)
        @Requires(condition = TeamsOn.class)
        AppCredentials credentials(TeamsSettings settings) {
            return new StaticTokenCredentials(settings.appId());
        }
    }
}
