package io.uptake.api;

import static io.uptake.api.AdminApiTest.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
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

@MicronautTest(transactional = false, rebuildContext = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogReloadApiTest implements TestPropertyProvider {

    final ProgrammesFile file = ProgrammesFile.create(ProgrammesFile.TWO_WORKFLOWS);

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        file.write(ProgrammesFile.TWO_WORKFLOWS);
        return Map.of("uptake.admin-token", AdminApiTest.TOKEN, "uptake.catalog", file.path().toString());
    }

    @Test
    void reloadingAnUnchangedFileChangesNothing() {
        Map<?, ?> body = reload();

        assertThat(body.get("summary")).isEqualTo("no changes");
    }

    @Test
    void oneMistakeIsCountedInTheSingular() {
        file.write(ProgrammesFile.TWO_WORKFLOWS.replace("zone: Europe/London", "zone: Europe/Londres"));

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, this::reload);

        String message = (String) e.getResponse().getBody(Map.class).orElseThrow().get("message");
        assertThat(message).contains("has 1 mistake and was not loaded", "Fix it and reload.")
                .doesNotContain("1 mistakes");
        file.write(ProgrammesFile.TWO_WORKFLOWS);
        reload();
    }

    @Test
    void aFileWithMistakesIsRefusedWithEachMistakeAndTheCatalogueInForceIsKept() {
        file.write(ProgrammesFile.TWO_WORKFLOWS.replace("zone: Europe/London", "zone: Europe/Londres")
                .replace("owner: omar@example.com", "owner: [omar@example.com, ana@example.com]"));

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, this::reload);

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat((String) body.get("message")).contains("2 mistakes", "previous catalogue is still in force");
        assertThat(((List<?>) body.get("errors")).stream().map(error -> String.valueOf(((Map<?, ?>) error).get("field"))))
                .containsExactly("programmes[0].workflows[1].owner", "digests[0].schedule.zone");
        assertThat(http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/digests"))))
                .contains("Europe/London");
        Map<?, ?> status = http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/catalog")), Map.class);
        assertThat(status.get("status")).isEqualTo("rejected");
        assertThat((List<?>) status.get("errors")).hasSize(2);
    }

    @Test
    void aWorkflowRemovedFromTheFileIsRetiredAndStillReadable() {
        file.write(ProgrammesFile.TWO_WORKFLOWS.replace("""
                      - id: fraud-review
                        owner: omar@example.com
                        audience: { emails: [a@example.com, b@example.com] }
                """, ""));

        Map<?, ?> body = reload();

        assertThat(body.get("summary")).isEqualTo("1 change");
        Map<?, ?> workflow = http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/workflows/fraud-review")),
                Map.class);
        assertThat(workflow.get("stage")).isEqualTo("retired");
        assertThat(workflow.get("retired")).isEqualTo(true);
        assertThat((List<?>) workflow.get("stageHistory")).hasSize(2);
        assertThat(http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/programmes"))))
                .doesNotContain("fraud-review");
    }

    private Map<?, ?> reload() {
        return http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/catalog/reload", "")), Map.class);
    }
}
