package io.uptake.chat.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The Bot Framework objects the adapter shares: credentials, the inbound check and the turn adapter. */
@Factory
@Requires(condition = TeamsOn.class)
class BotFramework {

    /**
     * Outbound credentials. A single-tenant registration gets its tokens from its own tenant's authority; without
     * a tenant the SDK asks {@code botframework.com}, which only multi-tenant registrations may use.
     */
    @Singleton
    AppCredentials credentials(TeamsSettings settings) {
        return of(settings);
    }

    static AppCredentials of(TeamsSettings settings) {
        if (!settings.authenticated()) {
            return MicrosoftAppCredentials.empty();
        }
        return new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.tenant());
    }

    /** What inbound tokens must name as their audience; no app id turns the check off (insecure mode only). */
    @Singleton
    CredentialProvider inboundCredentials(TeamsSettings settings) {
        return settings.authenticated() ? new SimpleCredentialProvider(settings.appId(), settings.appPassword())
                : new SimpleCredentialProvider();
    }

    @Singleton
    AuthenticationConfiguration authConfiguration() {
        return new AuthenticationConfiguration();
    }

    @Singleton
    BotFrameworkAdapter adapter(AppCredentials credentials, AuthenticationConfiguration authConfiguration,
                                Connectors connectors, TurnErrors turnErrors, TeamsSettings settings) {
        // The SDK reads the signing keys' location from a static setting; other clouds and tests override it.
        ChannelValidation.setOpenIdMetaDataUrl(settings.openidMetadataUrl());
        BotFrameworkAdapter adapter = new ConnectorAdapter(credentials, authConfiguration, connectors);
        adapter.setOnTurnError(turnErrors);
        return adapter;
    }
}
