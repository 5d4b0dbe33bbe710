package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.people.PersonRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Data requests that arrive by mail: an admin exports and erases a person by email through the admin API. */
@MicronautTest(transactional = false, rebuildContext = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleApiTest implements TestPropertyProvider {

    static final String TOKEN = "people-api-test-token";

    final ProgrammesFile file = ProgrammesFile.create("""
            programmes:
              - id: legal-ai
                name: Legal drafting assistant
                sponsor: gc@example.com
                workflows:
                  - id: drafting
                    owner: lee@example.com
                    audience: { emails: [ana@example.com, bo@example.com, cy@example.com] }
            """);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    PersonRepository people;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", TOKEN, "uptake.catalog", file.path().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminExportsWhatUptakeHoldsAboutAPersonByEmail() {
        Map<String, Object> export = http.toBlocking().retrieve(admin(HttpRequest.GET(
                "/api/v1/people/Ana@Example.com/export")), Map.class);

        List<Map<String, Object>> sections = (List<Map<String, Object>>) export.get("sections");
        assertThat(sections).extracting(s -> s.get("title")).contains("You", "Your chat accounts");
        assertThat((List<String>) sections.get(0).get("lines")).contains("Email: ana@example.com");
    }

    @Test
    void afterAnErasureTheExportIsNotFoundAlsoAfterTheNextSync() {
        long before = people.count();

        Map<?, ?> erased = http.toBlocking().retrieve(admin(HttpRequest.DELETE("/api/v1/people/ana@example.com")),
                Map.class);
        http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/catalog/reload", "")), Map.class);

        assertThat(erased.get("erased")).isEqualTo(true);
        assertThat(status(HttpRequest.GET("/api/v1/people/ana@example.com/export"))).isEqualTo(404);
        assertThat(status(HttpRequest.DELETE("/api/v1/people/ana@example.com"))).isEqualTo(404);
        assertThat(people.findByEmail("ana@example.com")).isEmpty();
        assertThat(people.count()).as("nobody created again from the emails list").isEqualTo(before);
        Map<String, Object> usage = http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/usage-events", """
                {"batch": "after-erasure", "events": [
                 {"workflow": "drafting", "email": "ana@example.com", "day": "2026-11-20", "count": 1},
                 {"workflow": "drafting", "email": "bo@example.com", "day": "2026-11-20", "count": 1}]}""")
                .contentType(MediaType.APPLICATION_JSON)), Map.class);
        assertThat(usage).containsEntry("accepted", 1).containsEntry("unknownPeople", List.of("ana@example.com"));
        assertThat(people.count()).isEqualTo(before);
    }

    @Test
    void anUnknownEmailIsNotFoundAndTheEndpointsNeedTheAdminToken() {
        assertThat(status(HttpRequest.GET("/api/v1/people/nobody@example.com/export"))).isEqualTo(404);
        assertThat(status(HttpRequest.DELETE("/api/v1/people/nobody@example.com"))).isEqualTo(404);

        HttpClientResponseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                HttpClientResponseException.class, () -> http.toBlocking().exchange(
                        HttpRequest.DELETE("/api/v1/people/bo@example.com"), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(401);
        assertThat(people.findByEmail("bo@example.com")).get().satisfies(p -> assertThat(p.erasedAt()).isNull());
    }

    private int status(io.micronaut.http.MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(admin(request), Map.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static <T> io.micronaut.http.MutableHttpRequest<T> admin(io.micronaut.http.MutableHttpRequest<T> request) {
        return request.bearerAuth(TOKEN);
    }
}
