package io.uptake.usage;

import static io.uptake.usage.PullWorld.ANA;
import static io.uptake.usage.PullWorld.byEmail;
import static io.uptake.usage.PullWorld.byLogin;
import static io.uptake.usage.PullWorld.pulled;
import static io.uptake.usage.PullWorld.source;
import static io.uptake.usage.PullWorld.usageDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The admin API's usage sources: a connector pulled now, and a tool's export posted through a CSV profile, through
 * the real endpoints with the admin bearer token. The test clock stands on Sunday 2026-11-22.
 */
@MicronautTest(transactional = false, rebuildContext = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"unchecked", "rawtypes"})
class UsageSourcesApiTest implements TestPropertyProvider {

    static final String TOKEN = "usage-sources-test-token";
    static final LocalDate D1 = LocalDate.parse("2026-11-19");

    static final String EXPORT = """
            email,Date,messages,MODEL
            ana@example.com,11/19/2026,3,gpt-4o
            ana@example.com,11/19/2026 14:05,2,"gpt-4o"
            bo@example.com,11/20/2026,1,o1
            stranger@example.com,11/20/2026,4,gpt-4o
            cy@example.com,2026-11-20,1,gpt-4o
            cy@example.com,11/21/2026,many,gpt-4o
            cy@example.com,11/21/2026,0,gpt-4o
            """;

    @Inject
    ApplicationContext context;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    FakeConnector connector;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.catalog", PullWorld.programmesFile().toString(), "uptake.test.fake-connector", "true",
                "uptake.admin-token", TOKEN);
    }

    @Test
    void aPullAnswersWithWhatItStored() {
        connector.answer(pulled(D1, byEmail(ANA, D1, "code_review", 2), byLogin("ghost", D1, "chat", 1)));

        HttpResponse<Map> first = http.toBlocking().exchange(pull("github-copilot"), Map.class);
        HttpResponse<Map> again = http.toBlocking().exchange(pull("github-copilot"), Map.class);

        assertThat(first.code()).isEqualTo(200);
        assertThat(first.body()).containsEntry("source", "github-copilot").containsEntry("from", "2026-08-24")
                .containsEntry("to", "2026-11-22").containsEntry("stored", 2).containsEntry("alreadyStored", 0)
                .containsEntry("deliveredThrough", "2026-11-19").containsEntry("anonymised", false)
                .containsEntry("unknownPeople", Map.of("count", 1,
                        "examples", List.of("GitHub login ghost (not in github-logins)")));
        assertThat(again.body()).containsEntry("stored", 0).containsEntry("alreadyStored", 2)
                .containsEntry("from", "2026-11-17");
        assertThat(usageDays(context)).containsExactly("code-review ana@example.com 2026-11-19 2",
                "coding ana@example.com 2026-11-19 2");
    }

    @Test
    void anUnknownSourceIsA404NamingTheKnownOnes() {
        HttpClientResponseException e = refused(pull("slack-ai"));

        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(message(e)).contains("'slack-ai'", "github-copilot", "microsoft-365-copilot");
    }

    @Test
    void aConnectorNotConfiguredIsA409NamingItsSettings() {
        HttpClientResponseException e = refused(pull("microsoft-365-copilot"));

        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(message(e)).contains("UPTAKE_GRAPH_TENANT_ID", "UPTAKE_GRAPH_CLIENT_ID",
                "UPTAKE_GRAPH_CLIENT_SECRET");
    }

    @Test
    void aCsvSourceIsUploadedNotPulled() {
        HttpClientResponseException e = refused(pull("csv:chatgpt"));

        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(message(e)).contains("CSV sources are uploaded, not pulled", "/api/v1/usage/sources/csv:chatgpt"
                + "/events");
    }

    @Test
    void aToolThatCannotBeReadIsA424WithItsReasonAndStoresNothing() {
        connector.fail("GitHub answered 503 three times; try again later");

        HttpClientResponseException e = refused(pull("github-copilot"));

        assertThat(e.getStatus().getCode()).isEqualTo(424);
        assertThat(message(e)).contains("GitHub answered 503 three times").doesNotContain("Exception", "at io.");
        assertThat(usageDays(context)).isEmpty();
        assertThat(source(context, "github-copilot").get(1)).isEqualTo(
                "GitHub answered 503 three times; try again later");
    }

    @Test
    void withoutTheAdminTokenNothingIsPulled() {
        HttpClientResponseException e = refused(HttpRequest.POST("/api/v1/usage/sources/github-copilot/pull", ""));

        assertThat(e.getStatus().getCode()).isEqualTo(401);
        assertThat(connector.asked()).isEmpty();
    }

    @Test
    void anExportIsReadThroughItsProfileAndTheSameFileSentTwiceIsADuplicate() {
        HttpResponse<Map> first = http.toBlocking().exchange(export("csv:chatgpt", EXPORT), Map.class);
        HttpResponse<Map> again = http.toBlocking().exchange(export("csv:chatgpt", EXPORT), Map.class);

        assertThat(first.code()).isEqualTo(201);
        // Ana's two rows of the 19th add up; Bo's o1 is not a feature drafting counts; the stranger is unknown;
        // Cy's ISO day and 'many' are refused; Cy's count 0 is a day of no use.
        assertThat(first.body()).containsEntry("source", "csv:chatgpt").containsEntry("stored", 2)
                .containsEntry("notCounted", 1).containsEntry("duplicate", false)
                .containsEntry("deliveredThrough", "2026-11-21")
                .containsEntry("unknownPeople", Map.of("count", 1, "examples", List.of("stranger@example.com")));
        assertThat((List<Map<String, Object>>) first.body().get("rejected"))
                .extracting(r -> r.get("row") + ":" + r.get("field")).containsExactly("5:Date", "6:Messages");
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.body()).containsEntry("duplicate", true).containsEntry("stored", 0)
                .containsEntry("alreadyStored", 2);
        assertThat(usageDays(context)).containsExactly("drafting ana@example.com 2026-11-19 5",
                "drafting cy@example.com 2026-11-21 0");
        assertThat(source(context, "csv:chatgpt").subList(0, 4)).containsExactly("2026-11-21", "null", "false",
                "2");
    }

    @Test
    void anOverlappingExportStoresOnlyWhatIsNew() {
        http.toBlocking().exchange(export("csv:chatgpt", "Email,Date,Messages,Model\n"
                + "ana@example.com,11/19/2026,3,gpt-4o\n"), Map.class);

        HttpResponse<Map> overlapping = http.toBlocking().exchange(export("csv:chatgpt", "Email,Date,Messages,Model\n"
                + "ana@example.com,11/19/2026,3,gpt-4o\nana@example.com,11/20/2026,1,gpt-4o\n"), Map.class);

        assertThat(overlapping.body()).containsEntry("stored", 1).containsEntry("alreadyStored", 1);
        assertThat(usageDays(context)).containsExactly("drafting ana@example.com 2026-11-19 3",
                "drafting ana@example.com 2026-11-20 1");
    }

    @Test
    void anExportOfWhichNoRowCanBeStoredIsA422AndChangesNothing() {
        HttpClientResponseException e = refused(export("csv:chatgpt", "Email,Date,Messages,Model\n"
                + "ana@example.com,2026-11-19,3,gpt-4o\nnot-an-email,11/19/2026,1,gpt-4o\n"));

        HttpClientResponseException strangers = refused(export("csv:chatgpt", "Email,Date,Messages,Model\n"
                + "stranger@example.com,11/19/2026,3,gpt-4o\n"));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(strangers.getStatus().getCode()).isEqualTo(422);
        assertThat(strangers.getResponse().getBody(Map.class).orElseThrow().get("unknownPeople"))
                .isEqualTo(List.of("stranger@example.com"));
        assertThat(usageDays(context)).isEmpty();
        // A refused export is no delivery: the source is not even noted.
        assertThat(source(context, "csv:chatgpt")).isEmpty();
    }

    @Test
    void anExportWithoutTheProfilesColumnsIsA400() {
        HttpClientResponseException e = refused(export("csv:chatgpt", "email,day\nana@example.com,11/19/2026\n"));

        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(message(e)).contains("missing: Date, Messages, Model");
    }

    @Test
    void anUnknownProfileIsA404AndAProfileNoWorkflowUsesA409() {
        HttpClientResponseException unknown = refused(export("csv:copilot-chat", EXPORT));
        HttpClientResponseException unused = refused(export("csv:gemini", "User,Day\nana@example.com,2026-11-19\n"));
        HttpClientResponseException connectorSource = refused(export("github-copilot", EXPORT));

        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
        assertThat(message(unknown)).contains("'copilot-chat'", "chatgpt, gemini");
        assertThat(unused.getStatus().getCode()).isEqualTo(409);
        assertThat(message(unused)).contains("csv:gemini");
        assertThat(connectorSource.getStatus().getCode()).isEqualTo(409);
        assertThat(usageDays(context)).isEmpty();
    }

    @Test
    void aFilePostedToTheUsageEventsEndpointMovesTheFilesDataAsOf() {
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/usage-events.csv?batch=f1",
                "workflow,email,day,count\ncoding,ana@example.com,2026-11-18,1\ncoding,ana@example.com,2026-11-20,1\n")
                .contentType("text/csv").bearerAuth(TOKEN), Map.class);
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/usage-events.csv?batch=f2",
                "workflow,email,day,count\ncoding,ana@example.com,2026-11-02,1\n")
                .contentType("text/csv").bearerAuth(TOKEN), Map.class);

        assertThat(source(context, "file")).containsExactly("2026-11-20", "null", "false", "1", "true", "true");
    }

    @Test
    void theOpenApiDocumentNamesBothEndpoints() {
        String document = http.toBlocking().retrieve("/openapi/uptake-admin-api-v1.yml");

        assertThat(document).contains("/api/v1/usage/sources/{source}/pull", "/api/v1/usage/sources/{source}/events");
    }

    private static MutableHttpRequest<String> pull(String source) {
        return HttpRequest.POST("/api/v1/usage/sources/" + source + "/pull", "").bearerAuth(TOKEN);
    }

    private static MutableHttpRequest<String> export(String source, String csv) {
        return HttpRequest.POST("/api/v1/usage/sources/" + source + "/events", csv).contentType("text/csv")
                .bearerAuth(TOKEN);
    }

    private HttpClientResponseException refused(MutableHttpRequest<String> request) {
        return catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request.contentType(request.getContentType()
                        .orElse(MediaType.APPLICATION_JSON_TYPE)), Map.class));
    }

    private static String message(HttpClientResponseException e) {
        return e.getResponse().getBody(Map.class).map(m -> String.valueOf(m.get("message"))).orElse("");
    }
}
