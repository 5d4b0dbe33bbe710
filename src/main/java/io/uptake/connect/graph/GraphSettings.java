package io.uptake.connect.graph;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Entra ID app Uptake reads Microsoft Graph's usage reports with, and where Graph and its token endpoint live.
 *
 * @param tenantId     {@code UPTAKE_GRAPH_TENANT_ID}: the directory (tenant) id or a verified domain
 * @param clientId     {@code UPTAKE_GRAPH_CLIENT_ID}: the app registration's application (client) id
 * @param clientSecret {@code UPTAKE_GRAPH_CLIENT_SECRET}: one of its client secrets (the secret's value)
 * @param apiUrl       {@code UPTAKE_GRAPH_API_URL}: Graph's root, {@code https://graph.microsoft.com} in the global
 *                     cloud; the token's scope is derived from it
 * @param tokenUrl     {@code UPTAKE_GRAPH_TOKEN_URL}: the v2.0 token endpoint, {@code {tenant}} replaced by the tenant;
 *                     empty for the global cloud's {@value #GLOBAL_TOKEN_URL}
 */
@ConfigurationProperties("uptake.graph")
public record GraphSettings(
        @Nullable String tenantId,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Bindable(defaultValue = "https://graph.microsoft.com") String apiUrl,
        @Nullable String tokenUrl) {

    static final String GLOBAL_TOKEN_URL = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /** Whether the tenant, the client id and its secret are all set. */
    public boolean configured() {
        return present(tenantId) && present(clientId) && present(clientSecret);
    }

    /** Graph's root without a trailing slash. */
    String apiBase() {
        String base = apiUrl == null || apiUrl.isBlank() ? "https://graph.microsoft.com" : apiUrl.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    /** The token endpoint for this tenant. */
    String tokenEndpoint() {
        String template = present(tokenUrl) ? tokenUrl.trim() : GLOBAL_TOKEN_URL;
        return template.replace("{tenant}", URLEncoder.encode(tenantId.trim(), StandardCharsets.UTF_8));
    }

    /**
     * The client-credentials scope: Graph's own address followed by {@code /.default}, which grants the application
     * permissions an admin consented to ({@code https://graph.microsoft.com/.default} in the global cloud).
     */
    String scope() {
        URI api = URI.create(apiBase());
        return api.getScheme() + "://" + api.getRawAuthority() + "/.default";
    }

    /** What is wrong with the addresses, or null when both are usable http(s) addresses. */
    @Nullable
    String addressProblem() {
        if (!httpAddress(apiBase())) {
            return "UPTAKE_GRAPH_API_URL is not an http(s) address: " + apiBase();
        }
        if (!httpAddress(tokenEndpoint())) {
            return "UPTAKE_GRAPH_TOKEN_URL is not an http(s) address once {tenant} is filled in";
        }
        return null;
    }

    /** Leaves the secret out, should the settings ever be logged. */
    @Override
    public String toString() {
        return "GraphSettings[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret="
                + (present(clientSecret) ? "(set)" : "(not set)") + ", apiUrl=" + apiUrl + ", tokenUrl=" + tokenUrl
                + "]";
    }

    static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static boolean httpAddress(String address) {
        try {
            URI uri = URI.create(address);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
