package io.uptake.connect.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.uptake.usage.UsageConnector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where tokens are asked for and for which scope, in the global cloud and in others, and what is never shown. */
class GraphSettingsTest {

    @Test
    void theGlobalCloudIsTheDefault() {
        GraphSettings settings = new GraphSettings("contoso.onmicrosoft.com", "id", "secret",
                "https://graph.microsoft.com", null);

        assertThat(settings.tokenEndpoint())
                .isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
        assertThat(settings.scope()).isEqualTo("https://graph.microsoft.com/.default");
        assertThat(settings.addressProblem()).isNull();
    }

    @Test
    void anotherCloudsAddressesGiveItsScopeAndTokenEndpoint() {
        GraphSettings settings = new GraphSettings("tenant-id", "id", "secret", "https://graph.microsoft.us/",
                "https://login.microsoftonline.us/{tenant}/oauth2/v2.0/token");

        assertThat(settings.tokenEndpoint())
                .isEqualTo("https://login.microsoftonline.us/tenant-id/oauth2/v2.0/token");
        assertThat(settings.scope()).isEqualTo("https://graph.microsoft.us/.default");
        assertThat(settings.apiBase()).isEqualTo("https://graph.microsoft.us");
    }

    @Test
    void anAddressThatIsNotHttpIsSaid() {
        GraphSettings settings = new GraphSettings("t", "id", "secret", "graph.microsoft.com", null);

        assertThat(settings.addressProblem()).contains("UPTAKE_GRAPH_API_URL");
    }

    @Test
    void theSecretIsNeverInItsText() {
        GraphSettings settings = new GraphSettings("t", "id", "very-secret-value", "https://graph.microsoft.com",
                null);

        assertThat(settings.toString()).doesNotContain("very-secret-value").contains("(set)");
    }

    @Test
    void theConnectorIsABeanConfiguredFromUptakeGraphProperties() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "uptake.graph.tenant-id", "tenant-id",
                "uptake.graph.client-id", "client-id",
                "uptake.graph.client-secret", "secret",
                "datasources.default.url", "target/graph-settings-${random.shortuuid}.db",
                // Sign-in's providers would read their discovery documents from the internet at startup.
                "micronaut.security.oauth2.enabled", false), "test")) {
            UsageConnector connector = context.getBeansOfType(UsageConnector.class).stream()
                    .filter(bean -> bean.source().equals("microsoft-365-copilot")).findFirst().orElseThrow();

            assertThat(connector.configured()).isTrue();
            assertThat(context.getBean(GraphSettings.class).apiBase()).isEqualTo("https://graph.microsoft.com");
            assertThat(context.getBean(GraphSettings.class).tokenEndpoint())
                    .isEqualTo("https://login.microsoftonline.com/tenant-id/oauth2/v2.0/token");
        }
    }
}
