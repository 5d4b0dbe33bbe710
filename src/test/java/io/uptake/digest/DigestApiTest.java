package io.uptake.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.delivery.OutboxRepository;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The digest preview and the public chart address over real HTTP. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestApiTest implements TestPropertyProvider {

    static final String TOKEN = "test-admin-token-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    OutboxRepository outbox;
    @Inject
    DigestRepositories.Runs runs;
    @Inject
    DigestRepositories.Charts chartRows;
    @Inject
    ChartImages charts;
    @Inject
    FixedScorecards scorecards;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        DigestWorld.properties().forEach((k, v) -> properties.put(k, v.toString()));
        properties.put("uptake.admin-token", TOKEN);
        return properties;
    }

    HttpResponse<byte[]> get(String path, boolean admin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path));
        if (admin) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void thePreviewShowsTheDigestAsTextBlockKitAndAdaptiveCard() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/digests/preview?programme=claims-ai", true);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("week").asText()).isEqualTo("2026-W46");
        assertThat(body.get("text").asText()).contains("Programme claims-ai: Emerging", "Fraud review: Leverage",
                "Trust: —  (fewer than 5 answers)");
        assertThat(body.get("blockKit")).hasSize(1);
        assertThat(body.get("blockKit").get(0).get("blocks").get(0).get("type").asText()).isEqualTo("header");
        assertThat(body.get("adaptiveCard").get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(body.get("adaptiveCard").get("version").asText()).isEqualTo("1.5");
    }

    @Test
    void aSuppressedFigureIsHiddenInEveryRendering() throws Exception {
        JsonNode body = json(get("/api/v1/digests/preview?programme=claims-ai", true));

        JsonNode fraudFields = body.get("blockKit").get(0).get("blocks").get(5).get("fields");
        assertThat(fraudFields.get(2).get("text").asText()).isEqualTo("*Trust*\n—  (fewer than 5 answers)");
        JsonNode fraudFacts = body.get("adaptiveCard").get("body").get(5).get("items").get(1).get("facts");
        assertThat(fraudFacts.get(2).get("value").asText()).isEqualTo("—  (fewer than 5 answers)");
    }

    @Test
    void thePreviewPostsAndStoresNothing() throws Exception {
        long chartsBefore = chartRows.count();

        get("/api/v1/digests/preview?programme=claims-ai", true);

        assertThat(outbox.count()).isZero();
        assertThat(runs.count()).isZero();
        assertThat(chartRows.count()).isEqualTo(chartsBefore);
    }

    @Test
    void aWeekCanBeChosen() throws Exception {
        JsonNode body = json(get("/api/v1/digests/preview?programme=claims-ai&week=2026-W40", true));

        assertThat(body.get("week").asText()).isEqualTo("2026-W40");
        assertThat(scorecards.asked()).last().isEqualTo(new FixedScorecards.Asked(LocalDate.parse("2026-09-28"),
                List.of("claims-ai")));
    }

    @Test
    void anUnreadableWeekIsABadRequest() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/digests/preview?programme=claims-ai&week=last", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).contains("ISO week");
    }

    @Test
    void anUnknownProgrammeIsNotFound() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/digests/preview?programme=nope", true);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("message").asText()).contains("No active programme with id 'nope'");
    }

    @Test
    void thePreviewNeedsTheAdminToken() throws Exception {
        assertThat(get("/api/v1/digests/preview?programme=claims-ai", false).statusCode()).isEqualTo(401);
    }

    @Test
    void aStoredChartIsServedWithoutLoginAsPng() throws Exception {
        byte[] png = DigestChartRenderer.png(Scores.card("2026-W47"));
        String token = charts.store(png, null);

        HttpResponse<byte[]> response = get("/charts/" + token + ".png", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(response.body()).isEqualTo(png);
    }

    @Test
    void anUnknownChartIsNotFound() throws Exception {
        assertThat(get("/charts/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.png", false).statusCode()).isEqualTo(404);
        assertThat(get("/charts/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.png", false).statusCode()).isEqualTo(404);
        assertThat(get("/charts/..%2Fsecret.png", false).statusCode()).isEqualTo(404);
    }
}
