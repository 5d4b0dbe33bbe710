package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.checkin.CheckinWorld;
import io.uptake.checkin.OutcomeValueLog;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POST /api/v1/outcomes/{workflow}/values: JSON and CSV, all or nothing, a day posted again replaced. The clock
 * stands on Sunday 22 November 2026, so 2026-11-22 is today and 2026-11-23 the future.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeValuesApiTest implements TestPropertyProvider {

    static final String TOKEN = "outcome-values-admin-token-0123456789";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ApplicationContext context;
    @Inject
    OutcomeValueLog log;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", TOKEN);
    }

    @BeforeAll
    void declare() {
        clock.set(MutableClock.START);
        CheckinWorld.in(context).workflow("wf-json", "olga@example.com").workflow("wf-csv", "olga@example.com")
                .workflow("wf-bad", "olga@example.com")
                .workflow("wf-wave", "olga@example.com").workflow("wf-limits", "olga@example.com")
                .workflowWithoutOutcome("wf-none", "olga@example.com").declare();
    }

    @Test
    void jsonValuesAreStoredAndADayPostedAgainIsReplaced() {
        HttpResponse<Map> first = post("wf-json", json("""
                {"values": [{"day": "2026-11-20", "value": 44, "source": "finance-ledger"},
                            {"day": "2026-11-21", "value": "44.5"}]}"""));
        HttpResponse<Map> again = post("wf-json", json("""
                {"values": [{"day": "2026-11-21", "value": 45.25, "source": "finance-ledger"},
                            {"day": "2026-11-22", "value": 46}]}"""));
        HttpResponse<Map> same = post("wf-json", json("""
                {"values": [{"day": "2026-11-21", "value": 45.25, "source": "finance-ledger"},
                            {"day": "2026-11-22", "value": 46}]}"""));

        assertThat(first.code()).isEqualTo(200);
        assertThat(first.body()).containsEntry("workflowId", "wf-json").containsEntry("stored", 2)
                .containsEntry("replaced", 0).containsEntry("sponsorTold", false);
        assertThat(again.body()).containsEntry("stored", 2).containsEntry("replaced", 1);
        assertThat(same.body()).containsEntry("stored", 2).containsEntry("replaced", 2);
        assertThat(values("wf-json")).containsExactly("2026-11-22 46 null", "2026-11-21 45.25 finance-ledger",
                "2026-11-20 44 finance-ledger");
    }

    @Test
    void aValueOfAWaveIsStoredBesideTheWorkflowsOwnValueOfTheSameDay() {
        HttpResponse<Map> first = post("wf-wave", json("""
                {"values": [{"day": "2026-11-20", "value": 5, "wave": 1}, {"day": "2026-11-20", "value": 6}]}"""));
        HttpResponse<Map> again = post("wf-wave", csv("day,value,wave\n2026-11-20,5.5,1\n2026-11-21,7,\n"));

        assertThat(first.body()).containsEntry("stored", 2).containsEntry("replaced", 0);
        assertThat(again.body()).containsEntry("stored", 2).containsEntry("replaced", 1);
        assertThat(values("wf-wave")).containsExactly("2026-11-21 7 null", "2026-11-20 6 null");
    }

    @Test
    void csvValuesAreStoredWithOrWithoutASourceColumn() {
        HttpResponse<Map> withSource = post("wf-csv", csv("""
                Day,Value,Source
                2026-11-01,120,crm
                "2026-11-02","121.5","crm, weekly"
                """));
        HttpResponse<Map> without = post("wf-csv", csv("value,day\n119,2026-11-01\n\n"));

        assertThat(withSource.body()).containsEntry("stored", 2).containsEntry("replaced", 0);
        assertThat(without.body()).containsEntry("stored", 1).containsEntry("replaced", 1);
        assertThat(values("wf-csv")).containsExactly("2026-11-02 121.5 crm, weekly", "2026-11-01 119 null");
    }

    @Test
    void anUnknownWorkflowIs404AndOneWithoutAnOutcome409() {
        HttpClientResponseException unknown = refused("wf-nowhere", json("{\"values\": [{\"day\": \"2026-11-20\", "
                + "\"value\": 1}]}"));
        HttpClientResponseException none = refused("wf-none", json("{\"values\": [{\"day\": \"2026-11-20\", "
                + "\"value\": 1}]}"));

        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
        assertThat(message(unknown)).isEqualTo("No workflow 'wf-nowhere' in the programmes file.");
        assertThat(none.getStatus().getCode()).isEqualTo(409);
        assertThat(message(none)).startsWith("Workflow 'wf-none' declares no outcome");
        assertThat(values("wf-none")).isEmpty();
        assertThat(values("wf-nowhere")).isEmpty();
    }

    @Test
    void withoutTheBearerTokenNothingIsTaken() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/outcomes/wf-limits/values",
                        "{\"values\": [{\"day\": \"2026-11-20\", \"value\": 1}]}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class));

        assertThat(e.getStatus().getCode()).isEqualTo(401);
        assertThat(values("wf-limits")).isEmpty();
    }

    static List<Arguments> badPosts() {
        String good = "{\"day\": \"2026-11-01\", \"value\": 10}, ";
        return List.of(
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": 1"),
                        "The body is not valid JSON (line 1"),
                Arguments.of(json("[1, 2]"), "Send a JSON object"),
                Arguments.of(json("{\"values\": {\"day\": \"2026-11-02\"}}"), "'values' is missing or not a list"),
                Arguments.of(json("{\"values\": []}"), "No values"),
                Arguments.of(json("{\"values\": [" + good + "7]}"), "values[1] is not an object"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-13-01\", \"value\": 1}]}"),
                        "values[1]: 'day' \"2026-13-01\" is not a date"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"30/11/2026\", \"value\": 1}]}"),
                        "values[1]: 'day' \"30/11/2026\" is not a date; write it as YYYY-MM-DD"),
                Arguments.of(json("{\"values\": [" + good + "{\"value\": 1}]}"), "values[1]: 'day' is missing"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-23\", \"value\": 1}]}"),
                        "values[1]: 'day' 2026-11-23 is in the future (today is 2026-11-22 UTC)"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": \"forty\"}]}"),
                        "values[1]: 'value' \"forty\" is not a number"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": \"1,5\"}]}"),
                        "values[1]: 'value' \"1,5\" is not a number"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": true}]}"),
                        "values[1]: 'value' \"true\" is not a number"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": \"NaN\"}]}"),
                        "values[1]: 'value' \"NaN\" is not a finite number"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": \"-Infinity\"}]}"),
                        "values[1]: 'value' \"-Infinity\" is not a finite number"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": 1e400}]}"),
                        "values[1]: 'value' 1E+400 is too large"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\"}]}"),
                        "values[1]: 'value' is missing"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": 2, \"source\": \""
                        + "s".repeat(101) + "\"}]}"), "values[1]: 'source' must be one line of at most 100"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-01\", \"value\": 11}]}"),
                        "values[1]: day 2026-11-01 is given twice (also values[0])"),
                Arguments.of(json("{\"values\": [" + IntStream.range(0, 10_001).mapToObj(i -> "{\"day\": \""
                        + "2026-11-01\", \"value\": " + i + "}").collect(Collectors.joining(",")) + "]}"),
                        "A post holds at most 10000 values; this one has 10001"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": 1, \"source\": \""
                        + "x".repeat(999_950) + "\"}]}"), "a post may hold at most 1000000"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": 1, \"source\": \""
                        + "x".repeat(1_100_000) + "\"}]}"), "larger than the 1 MB a post may hold"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": 1, \"wave\": 3}]}"),
                        "values[1]: 'wave' 3 is not a wave of workflow 'wf-bad'"),
                Arguments.of(json("{\"values\": [" + good + "{\"day\": \"2026-11-02\", \"value\": 1, \"wave\": 1.5}]}"),
                        "values[1]: 'wave' \"1.5\" is not a wave number"),
                Arguments.of(csv("day,value,wave\n2026-11-01,10,\n2026-11-02,11,second\n"),
                        "line 3: 'wave' \"second\" is not a wave number"),
                Arguments.of(csv(""), "The CSV file is empty"),
                Arguments.of(csv("day,value\n"), "The CSV file holds a header but no values"),
                Arguments.of(csv("day,amount\n2026-11-01,3\n"), "names a column 'amount' Uptake does not know"),
                Arguments.of(csv("day,source\n2026-11-01,crm\n"), "missing: value"),
                Arguments.of(csv("day,value\n2026-11-01,10\n\"2026-11-02,11\n"),
                        "line 3 could not be read: a quote opens a field that never closes"),
                Arguments.of(csv("day,value\n2026-11-01,10\n2026-11-02,11,crm\n"),
                        "line 3 has 3 fields but the header names 2"),
                Arguments.of(csv("day,value,source\n2026-11-01,10,crm\n2026-11-02,,crm\n"),
                        "line 3: 'value' is missing"),
                Arguments.of(csv("day,value\n2026-11-01,10\n2026-11-31,11\n"),
                        "line 3: 'day' \"2026-11-31\" is not a date"),
                Arguments.of(csv("day,value\n" + IntStream.range(0, 10_001).mapToObj(i -> "2026-11-01," + i)
                        .collect(Collectors.joining("\n"))), "A post holds at most 10000 values; this file has more"));
    }

    @ParameterizedTest
    @MethodSource("badPosts")
    void aBadPostIsRefusedNamingTheRowAndFieldAndStoresNothing(HttpRequest<String> request, String expected) {
        post("wf-bad", json("{\"values\": [{\"day\": \"2026-10-31\", \"value\": 7}]}"));

        HttpClientResponseException e = refused("wf-bad", request);

        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(message(e)).contains(expected).endsWith("Nothing was stored.");
        assertThat(values("wf-bad")).containsExactly("2026-10-31 7 null");
    }

    static HttpRequest<String> json(String body) {
        return HttpRequest.POST("/", body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static HttpRequest<String> csv(String body) {
        return HttpRequest.POST("/", body).contentType("text/csv");
    }

    HttpResponse<Map> post(String workflow, HttpRequest<String> request) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/v1/outcomes/" + workflow + "/values",
                request.getBody().orElse("")).contentType(request.getContentType().orElseThrow())
                .bearerAuth(TOKEN), Map.class);
    }

    HttpClientResponseException refused(String workflow, HttpRequest<String> request) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> post(workflow, request));
    }

    static String message(HttpClientResponseException e) {
        return String.valueOf(e.getResponse().getBody(Map.class).orElseThrow().get("message"));
    }

    List<String> values(String workflow) {
        return log.latest(workflow, 100).stream().map(v -> v.day() + " " + v.value().stripTrailingZeros()
                .toPlainString() + " " + v.source()).toList();
    }
}
