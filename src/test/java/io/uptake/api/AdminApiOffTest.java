package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AdminApiOffTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void withoutAConfiguredTokenTheAdminApiIsOffAndSaysHowToTurnItOn() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/programmes").bearerAuth(""), Map.class));

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(AdminApiTest.message(e)).contains("UPTAKE_ADMIN_TOKEN");
    }

    @Test
    void healthAnswersWithDatabaseCatalogueAndAdapters() {
        Map<?, ?> health = http.toBlocking().retrieve("/health", Map.class);

        assertThat(health.get("status")).isEqualTo("UP");
        Map<?, ?> details = (Map<?, ?>) health.get("details");
        assertThat(details.keySet().stream().map(String::valueOf)).contains("database", "catalog", "chat");
        assertThat(((Map<?, ?>) ((Map<?, ?>) details.get("catalog")).get("details")).get("state"))
                .isEqualTo("not_configured");
        assertThat(details.get("chat").toString()).contains("slack", "teams", "SLACK_SIGNING_SECRET");
    }
}
