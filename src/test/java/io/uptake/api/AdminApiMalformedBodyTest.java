package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Admin API bodies the fuzz suite found answered with 500, each now a 400 that says what is wrong. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiMalformedBodyTest implements TestPropertyProvider {

    final ProgrammesFile file = ProgrammesFile.create(ProgrammesFile.TWO_WORKFLOWS);

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", AdminApiTest.TOKEN, "uptake.catalog", file.path().toString());
    }

    @Test
    void aUsageBatchNestedDeeperThanTheJsonReaderTakesIs400() {
        String deep = "{\"deep\":" + "[".repeat(1_500) + "]".repeat(1_500) + ",\"batch\":\"b1\",\"events\":[]}";

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/usage-events", deep)
                        .contentType(MediaType.APPLICATION_JSON).bearerAuth(AdminApiTest.TOKEN), String.class));

        assertThat(e).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getBody(String.class).orElse("")).contains("nested more than 1,000 levels")
                .doesNotContain("Exception");
    }
}
