package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.delivery.Dispatcher;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;

/**
 * A service started from a programmes file with one Slack workspace on a fake Web API, driven only through its
 * endpoints: the admin API (reload, usage, rounds, scorecard, CSV, digest preview) and signed Slack requests
 * (answer clicks, {@code /uptake status}). Tests read what a person sees and check it against values they work
 * out themselves.
 */
abstract class FiguresWorld implements TestPropertyProvider {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = "T0FIG";
    static final String TOKEN = "test-admin-token-0123456789";

    final FakeSlackApi slackApi = FakeSlackApi.start();
    final Path programmes = temporaryFile();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    SyncSlackAudiences syncAudiences;
    @Inject
    Dispatcher dispatcher;

    /** The programmes file the service starts from. */
    abstract String programmesFile();

    /** Settings beyond the workspace, the admin token and the programmes file. */
    Map<String, String> more() {
        return Map.of();
    }

    @Override
    public Map<String, String> getProperties() {
        write(programmesFile());
        Map<String, String> settings = new HashMap<>(more());
        settings.put("uptake.admin-token", TOKEN);
        settings.put("uptake.catalog", programmes.toString());
        return slackApi.singleWorkspace(TEAM, "xoxb-fig", settings);
    }

    @AfterAll
    void stopSlack() {
        slackApi.close();
    }

    private static Path temporaryFile() {
        try {
            Path path = Files.createTempFile("programmes", ".yml");
            path.toFile().deleteOnExit();
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String text) {
        try {
            Files.writeString(programmes, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Slack knows these people ({@code U1} is {@code u1@example.com}) and they are the channel's members. */
    void channelMembers(String channel, List<String> users) throws InterruptedException {
        channelMembers(users, 1);
    }

    /** As above, for {@code audiences} channel audiences of these same members. */
    void channelMembers(List<String> users, int audiences) throws InterruptedException {
        StringBuilder members = new StringBuilder();
        for (String user : users) {
            members.append(members.isEmpty() ? "" : ",").append("{\"id\":\"").append(user).append("\",\"name\":\"")
                    .append(user.toLowerCase()).append("\",\"tz\":\"Europe/London\",\"profile\":{\"email\":\"")
                    .append(user.toLowerCase()).append("@example.com\"}}");
        }
        slackApi.answer("users.list", 200, "{\"ok\":true,\"members\":[" + members
                + "],\"response_metadata\":{\"next_cursor\":\"\"}}", Map.of());
        for (int i = 0; i < audiences; i++) {
            slackApi.answer("conversations.members", 200, "{\"ok\":true,\"members\":["
                    + String.join(",", users.stream().map(u -> "\"" + u + "\"").toList())
                    + "],\"response_metadata\":{\"next_cursor\":\"\"}}", Map.of());
        }
        syncAudiences.run();
    }

    <T> MutableHttpRequest<T> admin(MutableHttpRequest<T> request) {
        return request.bearerAuth(TOKEN);
    }

    Map<?, ?> reload(String text) {
        write(text);
        return http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/catalog/reload", "")), Map.class);
    }

    void usage(String batch, String workflow, String user, String day) {
        http.toBlocking().exchange(admin(HttpRequest.POST("/api/v1/usage-events", "{\"batch\":\"" + batch
                + "\",\"events\":[{\"workflow\":\"" + workflow + "\",\"email\":\"" + user.toLowerCase()
                + "@example.com\",\"day\":\"" + day + "\",\"count\":1}]}")), Map.class);
    }

    /** Starts a round now and posts its messages. */
    void openRound(String pulse) {
        http.toBlocking().exchange(admin(HttpRequest.POST("/api/v1/pulses/" + pulse + "/rounds", "")), Map.class);
        dispatcher.dispatchDue();
    }

    /** The person clicks the trust button {@code option} (1 to 5) in the last pulse message posted to them. */
    void trust(String user, int option) throws Exception {
        answer(user, "trust", Integer.toString(option));
    }

    /** The person clicks the button of {@code question} whose stored value is {@code value} in their last pulse. */
    void answer(String user, String question, String value) throws Exception {
        List<FakeSlackApi.Call> posts = slackApi.calls("chat.postMessage").stream()
                .filter(c -> user.equals(c.params().get("channel"))).toList();
        String button = button(posts.get(posts.size() - 1), question, value);
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"x\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + TEAM + "\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"1.2.3\",\"response_url\":\"" + slackApi.url() + "response\","
                + "\"container\":{\"type\":\"message\"},\"channel\":{\"id\":\"D1\"},"
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + PulseActions.ANSWER_PREFIX + question + ":"
                + value + "\",\"block_id\":\"b\",\"value\":" + JSON.valueToTree(button) + ",\"action_ts\":\"1\"}]}";
        http.toBlocking().exchange(signed().form("payload=" + enc(payload)));
    }

    private static String button(FakeSlackApi.Call post, String question, String option) throws Exception {
        for (JsonNode block : JSON.readTree(post.params().get("blocks"))) {
            for (JsonNode element : block.path("elements")) {
                String value = element.path("value").asText("");
                if (element.path("action_id").asText("").startsWith(PulseActions.ANSWER_PREFIX + question)
                        && AnswerButtonValue.decode(value).map(p -> p.value().equals(option)).orElse(false)) {
                    return value;
                }
            }
        }
        throw new AssertionError("no " + question + " button " + option);
    }

    SignedSlackRequests signed() {
        return new SignedSlackRequests(clock);
    }

    /** What {@code /uptake <text>} answers the person in Slack. */
    String command(String user, String text) {
        String body = "command=%2Fuptake&text=" + enc(text) + "&team_id=" + TEAM + "&user_id=" + user
                + "&user_name=x&channel_id=D9&response_url=" + enc(slackApi.url() + "response") + "&trigger_id=1.2";
        return String.valueOf(http.toBlocking().retrieve(signed().form(body), Map.class).get("text"));
    }

    JsonNode scorecard(String query) throws IOException {
        return JSON.readTree(http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/scorecard" + query))));
    }

    /** One workflow of the scorecard's first programme, or a missing node. */
    JsonNode workflow(JsonNode scorecard, String id) {
        for (JsonNode w : scorecard.path("programmes").path(0).path("workflows")) {
            if (id.equals(w.path("workflowId").asText())) {
                return w;
            }
        }
        return JSON.missingNode();
    }

    List<CSVRecord> csv(String query) throws IOException {
        String text = http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/export/scorecard.csv" + query)));
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
    }

    Optional<CSVRecord> csvRow(String query, String workflow) throws IOException {
        return csv(query).stream().filter(r -> workflow.equals(r.get("workflow"))).findFirst();
    }

    JsonNode preview(String query) throws IOException {
        return JSON.readTree(http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/digests/preview" + query))));
    }

    /** The first whole number after {@code label} in a text, up to the end of its line; empty when none is. */
    static Optional<Integer> number(String text, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "[^0-9\\n—]*(\\d+)").matcher(text);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
