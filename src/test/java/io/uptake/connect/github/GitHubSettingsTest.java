package io.uptake.connect.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.uptake.usage.UsageConnector;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the connector reads from, and when it counts as connected. */
class GitHubSettingsTest {

    @Test
    void connectedOnlyWithBothTokenAndOrganisation() {
        assertThat(new GitHubSettings("t", "acme", null).configured()).isTrue();
        assertThat(new GitHubSettings(null, "acme", null).configured()).isFalse();
        assertThat(new GitHubSettings("t", " ", null).configured()).isFalse();
    }

    @Test
    void graphqlLiesBesideTheRestApiOnGitHubComAndOnEnterpriseServer() {
        assertThat(new GitHubSettings("t", "acme", "https://api.github.com").graphqlUrl())
                .isEqualTo(URI.create("https://api.github.com/graphql"));
        assertThat(new GitHubSettings("t", "acme", "https://github.example.com/api/v3/").graphqlUrl())
                .isEqualTo(URI.create("https://github.example.com/api/graphql"));
    }

    @Test
    void theTokenIsNeverInTheSettingsText() {
        assertThat(new GitHubSettings("ghp_secret", "acme", null).toString()).doesNotContain("ghp_secret");
    }

    @Test
    void theEnvironmentVariablesReachTheConnectorBean() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "UPTAKE_GITHUB_TOKEN", "ghp_x", "UPTAKE_GITHUB_ORG", "acme",
                "UPTAKE_GITHUB_API_URL", "https://github.example.com/api/v3"), Environment.TEST)) {
            GitHubSettings settings = context.getBean(GitHubSettings.class);
            assertThat(settings.org()).isEqualTo("acme");
            assertThat(settings.restBase()).isEqualTo("https://github.example.com/api/v3");
            assertThat(context.getBeansOfType(UsageConnector.class))
                    .anyMatch(c -> c.source().equals("github-copilot") && c.configured());
        }
    }
}
