package io.uptake.connect.github;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;

/**
 * Where the GitHub Copilot connector reads from and with which token.
 *
 * @param token  {@code UPTAKE_GITHUB_TOKEN}: a personal access token of an organisation owner (see the README for
 *               its scopes); never logged, never in a message
 * @param org    {@code UPTAKE_GITHUB_ORG}: the organisation's login, as in {@code github.com/ORG}
 * @param apiUrl {@code UPTAKE_GITHUB_API_URL}: the REST API base, {@code https://api.github.com} or, on GitHub
 *               Enterprise Server, {@code https://HOST/api/v3}; tests point it at a fake
 */
@ConfigurationProperties("uptake.github")
public record GitHubSettings(
        @Nullable String token,
        @Nullable String org,
        @Bindable(defaultValue = GitHubSettings.GITHUB_COM) String apiUrl) {

    static final String GITHUB_COM = "https://api.github.com";

    /** Whether the token and the organisation are both set. */
    public boolean configured() {
        return present(token) && present(org);
    }

    /** The REST API base without a trailing slash. */
    String restBase() {
        String base = present(apiUrl) ? apiUrl.trim() : GITHUB_COM;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * The GraphQL endpoint: {@code https://api.github.com/graphql}, or {@code https://HOST/api/graphql} beside a
     * GitHub Enterprise Server's {@code https://HOST/api/v3}.
     */
    URI graphqlUrl() {
        String base = restBase();
        if (base.endsWith("/api/v3")) {
            return URI.create(base.substring(0, base.length() - "/v3".length()) + "/graphql");
        }
        return URI.create(base + "/graphql");
    }

    /** The token is left out, so that logging the settings never shows it. */
    @Override
    public String toString() {
        return "GitHubSettings[org=" + org + ", apiUrl=" + apiUrl + ", token=" + (present(token) ? "(set)" : "(none)")
                + "]";
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
