package io.uptake.chat.teams;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The Azure Bot registration and how strictly inbound Teams activities are checked.
 *
 * @param appId             {@code MICROSOFT_APP_ID}; with it every inbound activity must carry a valid JWT
 * @param appPassword       {@code MICROSOFT_APP_PASSWORD}, the registration's client secret
 * @param appTenantId       {@code MICROSOFT_APP_TENANT_ID}: a single-tenant bot asks this tenant for its tokens
 * @param openidMetadataUrl where the keys that sign inbound activities are published
 * @param insecureLocal     {@code UPTAKE_TEAMS_INSECURE_LOCAL}: accept unauthenticated activities (emulator only)
 * @param serviceUrl        the Bot Connector used to open a chat with someone the bot has never talked to, when
 *                          no installation in their tenant says otherwise
 */
@ConfigurationProperties("uptake.teams")
public record TeamsSettings(
        @Nullable String appId,
        @Nullable String appPassword,
        @Nullable String appTenantId,
        @Bindable(defaultValue = "https://login.botframework.com/v1/.well-known/openidconfiguration")
        String openidMetadataUrl,
        @Bindable(defaultValue = "false") boolean insecureLocal,
        @Bindable(defaultValue = "https://smba.trafficmanager.net/teams/") String serviceUrl) {

    /** The error that stops startup when both ways of running are asked for at once. */
    static final String INSECURE_WITH_APP_ID = "UPTAKE_TEAMS_INSECURE_LOCAL=true is refused while MICROSOFT_APP_ID "
            + "is set: unauthenticated Teams activities would be accepted by a registered bot. Remove "
            + "UPTAKE_TEAMS_INSECURE_LOCAL (or MICROSOFT_APP_ID for local emulator use).";

    /** Whether inbound activities are checked: an app id and its secret are both set. */
    boolean authenticated() {
        return present(appId) && present(appPassword);
    }

    /** Whether unauthenticated activities are accepted: only with the flag and no app id. */
    boolean insecure() {
        return insecureLocal && !present(appId);
    }

    boolean on() {
        return authenticated() || insecure();
    }

    boolean refused() {
        return insecureLocal && present(appId);
    }

    /** A single-tenant registration's tenant, if one is set. */
    @Nullable
    String tenant() {
        return present(appTenantId) ? appTenantId.trim() : null;
    }

    /** The bot's own account id in Teams. */
    String botAccountId() {
        return "28:" + appId;
    }

    /** Why the endpoint refuses activities while the adapter is off. */
    String offReason() {
        if (present(appId) && !present(appPassword)) {
            return "The Teams adapter is off: MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is missing.";
        }
        return "The Teams adapter is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (and MICROSOFT_APP_TENANT_ID "
                + "for a single-tenant bot), or UPTAKE_TEAMS_INSECURE_LOCAL=true for a local emulator.";
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
