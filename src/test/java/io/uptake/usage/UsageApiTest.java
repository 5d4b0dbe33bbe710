package io.uptake.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.people.PersonRepository;
import io.uptake.pulse.PulseWorld;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, rebuildContext = true)
@Property(name = "uptake.admin-token", value = UsageApiTest.TOKEN)
class UsageApiTest {

    static final String TOKEN = "usage-api-test-token";

    @Inject
    ApplicationContext context;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    UsageRepositories.Events events;
    @Inject
    UsageRepositories.Batches batches;
    @Inject
    PersonRepository people;

    Map<String, Long> ids;

    @BeforeEach
    void world() {
        ids = PulseWorld.in(context).person("ana@example.com", "UTC").person("bo@example.com", "UTC").build();
    }

    @Test
    void goodRowsAreStoredAndEachBadRowIsReportedWithItsField() {
        HttpResponse<Map> response = postJson(batch("b1", event("claims-triage", "ana@example.com", "2026-11-20", 3),
                event("nope", "ana@example.com", "2026-11-20", 1),
                event("claims-triage", "ana@example.com", "2026-11-20", -2),
                event("claims-triage", "ana@example.com", "2026-12-30", 1),
                event("claims-triage", "ana@example.com", "20-11-2026", 1)));

        assertThat(response.code()).isEqualTo(201);
        assertThat(response.body()).containsEntry("accepted", 1).containsEntry("duplicate", false);
        List<Map<String, Object>> rejected = (List<Map<String, Object>>) response.body().get("rejected");
        assertThat(rejected).extracting(r -> r.get("row") + ":" + r.get("field"))
                .containsExactly("2:workflow", "3:count", "4:day", "5:day");
        assertThat(events.findByBatchKey("b1")).singleElement().satisfies(e -> {
            assertThat(e.personId()).isEqualTo(ids.get("ana@example.com"));
            assertThat(e.count()).isEqualTo(3);
            assertThat(e.source()).isEqualTo(UsageEventRow.TELEMETRY);
        });
    }

    @Test
    void unknownPeopleAreReportedAndNobodyIsCreated() {
        long before = people.count();

        HttpResponse<Map> response = postJson(batch("b2", event("claims-triage", "stranger@example.com", "2026-11-20",
                2), event("claims-triage", "ANA@example.com", "2026-11-20", 1)));

        assertThat(response.body()).containsEntry("accepted", 1)
                .containsEntry("unknownPeople", List.of("stranger@example.com"));
        assertThat(people.count()).isEqualTo(before);
    }

    @Test
    void aChatIdStandsForTheEmail() {
        HttpResponse<Map> response = postJson("""
                {"batch": "b3", "events": [{"workflow": "claims-triage", "chatId": "U2", "day": "2026-11-21",
                 "count": 4}]}""");

        assertThat(response.body()).containsEntry("accepted", 1);
        assertThat(events.findByBatchKey("b3")).singleElement()
                .satisfies(e -> assertThat(e.personId()).isEqualTo(ids.get("bo@example.com")));
    }

    @Test
    void aBatchSentAgainIsNotCountedTwiceAndGetsTheFirstAnswer() {
        String body = batch("copilot-2026-11-20", event("claims-triage", "ana@example.com", "2026-11-20", 3),
                event("claims-triage", "ana@example.com", "2026-11-20", -1));

        HttpResponse<Map> first = postJson(body);
        HttpResponse<Map> again = postJson(body);

        assertThat(first.code()).isEqualTo(201);
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.body()).containsEntry("duplicate", true).containsEntry("accepted", 1)
                .containsEntry("rejected", first.body().get("rejected"));
        assertThat(events.findByBatchKey("copilot-2026-11-20")).hasSize(1);
    }

    @Test
    void aCsvFileIsTakenInOnceUnderItsBatchKey() {
        String csv = """
                workflow,email,day,count
                claims-triage,ana@example.com,2026-11-19,2
                claims-triage,bo@example.com,2026-11-19,x
                claims-triage,"bo@example.com",2026-11-18,1
                """;

        HttpResponse<Map> first = http.toBlocking().exchange(HttpRequest.POST("/api/v1/usage-events.csv?batch=csv-1",
                csv).contentType("text/csv").bearerAuth(TOKEN), Map.class);
        HttpResponse<Map> again = http.toBlocking().exchange(HttpRequest.POST("/api/v1/usage-events.csv", csv)
                .contentType("text/csv").header("X-Uptake-Batch", "csv-1").bearerAuth(TOKEN), Map.class);

        assertThat(first.code()).isEqualTo(201);
        assertThat(first.body()).containsEntry("accepted", 2);
        assertThat((List<Map<String, Object>>) first.body().get("rejected")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("row", 2).containsEntry("field", "count"));
        assertThat(again.body()).containsEntry("duplicate", true);
        assertThat(events.findByBatchKey("csv-1")).hasSize(2);
    }

    @Test
    void malformedJsonIsA400AndStoresNothing() {
        assertThat(status(jsonRequest("{\"batch\": \"b5\", \"events\": [{\"workflow\": "))).isEqualTo(400);
        assertThat(status(jsonRequest("{\"events\": []}"))).isEqualTo(400);
        assertThat(status(jsonRequest("{\"batch\": \"b5\", \"events\": []}"))).isEqualTo(400);
        assertThat(status(jsonRequest("{\"batch\": \"b5\", \"events\": [42]}"))).isEqualTo(400);

        assertThat(batches.count()).isZero();
        assertThat(events.count()).isZero();
    }

    @Test
    void aFileMayNotTakeTheBatchKeysOfPulledSources() {
        String row = event("claims-triage", "ana@example.com", "2026-11-20", 1);

        assertThat(status(jsonRequest(batch("github-copilot:2026-11-20T06:00:00Z", row)))).isEqualTo(400);
        assertThat(status(jsonRequest(batch("CSV:chatgpt-export", row)))).isEqualTo(400);
        assertThat(status(HttpRequest.POST("/api/v1/usage-events.csv?batch=microsoft-365-copilot:x",
                "workflow,email,day,count\nclaims-triage,ana@example.com,2026-11-20,1\n").contentType("text/csv")
                .bearerAuth(TOKEN))).isEqualTo(400);

        assertThat(batches.count()).isZero();
        assertThat(events.count()).isZero();
    }

    @Test
    void aCsvWithoutTheNeededColumnsOrBatchKeyIsA400AndStoresNothing() {
        HttpClientResponseException noHeader = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/usage-events.csv?batch=c2",
                        "who,when\nana,2026-11-20\n").contentType("text/csv").bearerAuth(TOKEN), Map.class));
        int noKey = status(HttpRequest.POST("/api/v1/usage-events.csv", "workflow,email,day,count\n")
                .contentType("text/csv").bearerAuth(TOKEN));

        assertThat(noHeader.getStatus().getCode()).isEqualTo(400);
        assertThat(noHeader.getResponse().getBody(Map.class).orElseThrow().get("message").toString())
                .contains("missing: workflow, day, count, email");
        assertThat(noKey).isEqualTo(400);
        assertThat(batches.count()).isZero();
    }

    @Test
    void aBatchOfWhichNothingCouldBeStoredIs422WithTheReasonsAndItsKeyStaysFree() {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> postJson(batch("fix-me", event("claims-triage", "ana@example.com", "2026-11-20", -3),
                        event("claims-triage", "stranger@example.com", "2026-11-20", 1))));

        assertThat(refused.getStatus().getCode()).isEqualTo(422);
        Map<String, Object> body = refused.getResponse().getBody(Map.class).orElseThrow();
        assertThat(body.get("message").toString()).contains("Nothing in batch 'fix-me' was stored", "1 row refused",
                "1 person Uptake does not know", "send the batch again under the same key");
        assertThat((List<Map<String, Object>>) body.get("rejected")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("row", 1).containsEntry("field", "count"));
        assertThat(body).containsEntry("unknownPeople", List.of("stranger@example.com"));
        assertThat(batches.count()).isZero();
        assertThat(events.count()).isZero();

        HttpResponse<Map> corrected = postJson(batch("fix-me", event("claims-triage", "ana@example.com",
                "2026-11-20", 3)));

        assertThat(corrected.code()).isEqualTo(201);
        assertThat(corrected.body()).containsEntry("accepted", 1).containsEntry("duplicate", false);
        assertThat(events.findByBatchKey("fix-me")).singleElement()
                .satisfies(e -> assertThat(e.count()).isEqualTo(3));
    }

    @Test
    void aCsvLineWithAnUnbalancedQuoteIsReportedWithItsLineAndTheGoodRowsAreKept() {
        String csv = """
                workflow,email,day,count
                claims-triage,ana@example.com,2026-11-19,2
                claims-triage,"bo@example.com,2026-11-19,1
                claims-triage,bo@example.com,2026-11-18,4
                """;

        HttpResponse<Map> response = http.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/usage-events.csv?batch=quote-1", csv).contentType("text/csv").bearerAuth(TOKEN), Map.class);

        assertThat(response.code()).isEqualTo(201);
        assertThat(response.body()).containsEntry("accepted", 2);
        assertThat((List<Map<String, Object>>) response.body().get("rejected")).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("row", 2).containsEntry("field", "line");
            assertThat(r.get("message").toString()).contains("line 3").doesNotContain("Exception", "java.");
        });
        assertThat(events.findByBatchKey("quote-1")).extracting(UsageEventRow::count).containsExactlyInAnyOrder(2, 4);
    }

    @Test
    void aCsvWhoseOnlyRowCannotBeReadIs422NamingTheLineAndTheCorrectedFileIsTakenIn() {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/usage-events.csv?batch=c3",
                        "workflow,email,day,count\nclaims-triage,\"ana@example.com,2026-11-20,1\n")
                        .contentType("text/csv").bearerAuth(TOKEN), Map.class));

        assertThat(refused.getStatus().getCode()).isEqualTo(422);
        String body = refused.getResponse().getBody(String.class).orElseThrow();
        assertThat(body).contains("line 2").doesNotContain("Exception", "java.");
        assertThat(batches.count()).isZero();
        assertThat(events.count()).isZero();

        HttpResponse<Map> corrected = http.toBlocking().exchange(HttpRequest.POST("/api/v1/usage-events.csv?batch=c3",
                "workflow,email,day,count\nclaims-triage,\"ana@example.com\",2026-11-20,1\n")
                .contentType("text/csv").bearerAuth(TOKEN), Map.class);

        assertThat(corrected.code()).isEqualTo(201);
        assertThat(events.findByBatchKey("c3")).hasSize(1);
    }

    @Test
    void aBatchOverTheCapIsRefusedWith413() {
        String rows = IntStream.range(0, RecordUsageBatch.MAX_ROWS + 1)
                .mapToObj(i -> event("claims-triage", "ana@example.com", "2026-11-20", 1))
                .collect(Collectors.joining(","));

        assertThat(status(jsonRequest("{\"batch\": \"big\", \"events\": [" + rows + "]}"))).isEqualTo(413);
        assertThat(batches.count()).isZero();
    }

    @Test
    void withoutTheAdminTokenNothingIsTakenIn() {
        int code = status(HttpRequest.POST("/api/v1/usage-events", batch("b9", event("claims-triage",
                "ana@example.com", "2026-11-20", 1))).contentType(MediaType.APPLICATION_JSON));

        assertThat(code).isEqualTo(401);
        assertThat(batches.count()).isZero();
    }

    private HttpResponse<Map> postJson(String body) {
        return http.toBlocking().exchange(jsonRequest(body), Map.class);
    }

    private HttpRequest<String> jsonRequest(String body) {
        return HttpRequest.POST("/api/v1/usage-events", body).contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(TOKEN);
    }

    private int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, Map.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    static String batch(String key, String... events) {
        return "{\"batch\": \"" + key + "\", \"events\": [" + String.join(",", events) + "]}";
    }

    static String event(String workflow, String email, String day, int count) {
        return "{\"workflow\": \"" + workflow + "\", \"email\": \"" + email + "\", \"day\": \"" + day
                + "\", \"count\": " + count + "}";
    }
}
