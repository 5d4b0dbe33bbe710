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
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false, rebuildContext = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogReloadApiTest implements TestPropertyProvider {

    final ProgrammesFile file = ProgrammesFile.create(ProgrammesFile.TWO_WORKFLOWS);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        file.write(ProgrammesFile.TWO_WORKFLOWS);
        return Map.of("uptake.admin-token", AdminApiTest.TOKEN, "uptake.catalog", file.path().toString());
    }

    /** The next test's context loads the file at start-up: it must find the file whole again. */
    @AfterEach
    void restoreTheFile() {
        file.write(ProgrammesFile.TWO_WORKFLOWS);
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
        assertThat(((List<?>) body.get("errors")).stream()
                .map(error -> String.valueOf(((Map<?, ?>) error).get("field"))))
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

    @Test
    void anEmptiedFileIsRefusedWithAConflictAndNothingIsRetired() {
        file.write("");

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, this::reload);

        assertThat(e.getStatus().getCode()).isEqualTo(409);
        String message = (String) e.getResponse().getBody(Map.class).orElseThrow().get("message");
        assertThat(message).contains("would retire all 1 programmes", "2 of 2 workflows", "nothing was changed",
                "?confirm-retire=true");
        assertThat(workflow("fraud-review").get("retired")).isEqualTo(false);
        assertThat(workflow("claims-triage").get("stage")).isEqualTo("pilot");
        assertThat(http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/programmes"))))
                .contains("claims-triage", "fraud-review");
        Map<?, ?> status = http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/catalog")), Map.class);
        assertThat(status.get("status")).isEqualTo("held");
    }

    @Test
    void aTruncatedFileThatWouldRetireMoreThanHalfTheWorkflowsIsRefusedUntilConfirmed() {
        file.write(ProgrammesFile.TWO_WORKFLOWS.replace("pulses:\n", "      - id: intake\n"
                + "        owner: omar@example.com\n        audience: { emails: [c@example.com] }\npulses:\n"));
        assertThat(reload().get("summary")).isNotEqualTo("no changes");
        assertThat(workflow("intake").get("retired")).isEqualTo(false);
        file.write(ProgrammesFile.TWO_WORKFLOWS.substring(0,
                ProgrammesFile.TWO_WORKFLOWS.indexOf("      - id: fraud-review")));

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, this::reload);

        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat((String) e.getResponse().getBody(Map.class).orElseThrow().get("message"))
                .contains("2 of 3 workflows (fraud-review, intake)");
        assertThat(workflow("intake").get("retired")).isEqualTo(false);

        Map<?, ?> confirmed = http.toBlocking().retrieve(admin(HttpRequest.POST(
                "/api/v1/catalog/reload?confirm-retire=true", "")), Map.class);

        assertThat((String) confirmed.get("summary")).isNotEqualTo("no changes");
        assertThat(workflow("intake").get("retired")).isEqualTo(true);
        assertThat(workflow("fraud-review").get("retired")).isEqualTo(true);
        assertThat(workflow("claims-triage").get("retired")).isEqualTo(false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void restoringTheFileAfterAConfirmedEmptyReloadBringsBackEveryViewForThePastWeeks() {
        // Loaded on Sunday 2026-11-22; emptied (and confirmed) on Wednesday of W49, restored in W50.
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        file.write("");
        http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/catalog/reload?confirm-retire=true", "")),
                Map.class);
        assertThat(http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/programmes"))))
                .doesNotContain("claims-triage");
        clock.set(Instant.parse("2026-12-09T10:00:00Z"));
        file.write(ProgrammesFile.TWO_WORKFLOWS);

        reload();
        clock.set(Instant.parse("2026-12-16T10:00:00Z"));

        assertThat(workflow("claims-triage")).containsEntry("retired", false).containsEntry("stage", "pilot");
        assertThat(workflow("fraud-review")).containsEntry("retired", false).containsEntry("stage", "pilot");
        assertThat(http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/digests")))).contains("C0LEADERS");
        for (String week : List.of("2026-W49", "2026-W50")) {
            Map<String, Object> card = http.toBlocking().retrieve(
                    admin(HttpRequest.GET("/api/v1/scorecard?week=" + week + "&programme=claims-ai")), Map.class);
            var workflows = (List<Map<String, Object>>) ((List<Map<String, Object>>) card.get("programmes")).get(0)
                    .get("workflows");
            assertThat(workflows).as(week).extracting(w -> w.get("workflowId") + " " + w.get("stage"))
                    .containsExactlyInAnyOrder("claims-triage pilot", "fraud-review pilot");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> workflow(String id) {
        return http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/workflows/" + id)), Map.class);
    }

    private Map<?, ?> reload() {
        return http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/catalog/reload", "")), Map.class);
    }
}
