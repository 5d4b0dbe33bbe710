package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest implements TestPropertyProvider {

    static final String TOKEN = "test-admin-token-0123456789";

    final ProgrammesFile file = ProgrammesFile.create(ProgrammesFile.TWO_WORKFLOWS);

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", TOKEN, "uptake.catalog", file.path().toString());
    }

    @Test
    void refusesCallsWithoutTheBearerToken() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/programmes"), Map.class));

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(e.getResponse().getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(message(e)).contains("Authorization: Bearer");
    }

    @Test
    void refusesAWrongToken() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/programmes").bearerAuth("guess"), Map.class));

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void listsProgrammesWithWorkflowOwnerStageAndOutcome() {
        List<Map<String, Object>> programmes = http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/programmes")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));

        assertThat(programmes).hasSize(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> workflows = (List<Map<String, Object>>) programmes.get(0).get("workflows");
        Map<String, Object> triage = workflows.stream().filter(w -> w.get("id").equals("claims-triage")).findFirst()
                .orElseThrow();
        assertThat(triage).containsEntry("owner", "jane@example.com").containsEntry("stage", "pilot")
                .containsEntry("stageSince", "2026-09-01").containsEntry("targetTeamSize", 40);
        assertThat(triage.get("outcome")).isEqualTo(Map.of("metric", "Claims closed per FTE per week",
                "unit", "claims", "direction", "up", "baseline", 120, "target", 150, "by", "2027-Q1"));
    }

    @Test
    void listsPulsesAndDigests() {
        String pulses = http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/pulses")));
        String digests = http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/digests")));

        assertThat(pulses).contains("\"id\":\"claims-weekly\"", "\"zone\":\"recipient\"", "\"mode\":\"confidential\"");
        assertThat(digests).contains("\"channel\":\"slack:C0LEADERS\"", "\"zone\":\"Europe/London\"");
    }

    @Test
    void unknownProgrammeIsA404WithAMessage() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(admin(HttpRequest.GET("/api/v1/programmes/nope")), Map.class));

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(message(e)).contains("No programme with id 'nope'");
    }

    @Test
    void unknownRouteIsA404WithAMessage() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(admin(HttpRequest.GET("/api/v1/nothing-here")), Map.class));

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(message(e)).contains("/api/v1/nothing-here");
    }

    @Test
    void servesTheOpenApiDocument() {
        String document = http.toBlocking().retrieve("/openapi/uptake-admin-api-v1.yml");

        assertThat(document).contains("openapi:", "/api/v1/catalog/reload", "/api/v1/programmes", "bearer");
    }

    static <T> MutableHttpRequest<T> admin(MutableHttpRequest<T> request) {
        return request.bearerAuth(TOKEN);
    }

    static String message(HttpClientResponseException e) {
        return e.getResponse().getBody(Map.class).map(m -> String.valueOf(m.get("message"))).orElse("");
    }
}
