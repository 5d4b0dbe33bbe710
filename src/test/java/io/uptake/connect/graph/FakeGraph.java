package io.uptake.connect.graph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Microsoft identity platform's v2.0 token endpoint and Microsoft Graph on one loopback server, answering in
 * the shapes Microsoft documents.
 *
 * <p>{@code POST /{tenant}/oauth2/v2.0/token} issues {@code token-1}, {@code token-2} ... with
 * {@code expires_in: 3599}, unless a refusal was scripted. Graph answers a page put with {@link #page} to a bearer
 * token it issued and has not revoked, and {@code 401 InvalidAuthenticationToken} to any other. Scripted answers
 * ({@link #answerToken}, {@link #answerGraph}) are played once each, in order, before anything else.
 */
final class FakeGraph implements AutoCloseable {

    static final String TENANT = "7d3c8f1e-2b4a-4c55-9e61-0a1b2c3d4e5f";
    static final String EXPIRED_TOKEN = "{\"error\":{\"code\":\"InvalidAuthenticationToken\","
            + "\"message\":\"Access token has expired or is not yet valid.\"}}";

    /** One request: the path and query as sent, the form fields of a token request, the Authorization header. */
    record Call(String method, String target, Map<String, String> form, String authorization) {
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Answer> tokenAnswers = new ArrayDeque<>();
    private final Map<String, Deque<Answer>> graphAnswers = new HashMap<>();
    private final Map<String, String> pages = new HashMap<>();
    private final Set<String> valid = new HashSet<>();
    private int issued;

    private FakeGraph(HttpServer server) {
        this.server = server;
    }

    static FakeGraph start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeGraph fake = new FakeGraph(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException cannotListen) {
            throw new UncheckedIOException(cannotListen);
        }
    }

    /** Graph's root and the token endpoint's host: {@code http://127.0.0.1:port}. */
    String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The token endpoint, with {@code {tenant}} left for the connector to fill in. */
    String tokenUrl() {
        return url() + "/{tenant}/oauth2/v2.0/token";
    }

    /** The path and query the connector asks for the report with this period. */
    static String reportTarget(String period) {
        return "/beta/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='" + period + "')";
    }

    synchronized FakeGraph page(String target, String body) {
        pages.put(target, body);
        return this;
    }

    synchronized FakeGraph answerToken(int status, String body) {
        tokenAnswers.add(new Answer(status, body, Map.of()));
        return this;
    }

    synchronized FakeGraph answerGraph(String target, int status, String body, Map<String, String> headers) {
        graphAnswers.computeIfAbsent(target, key -> new ArrayDeque<>()).add(new Answer(status, body, headers));
        return this;
    }

    /** Graph refuses this token from now on, as it does once a token has expired. */
    synchronized void revoke(String token) {
        valid.remove(token);
    }

    synchronized void revokeAll() {
        valid.clear();
    }

    synchronized List<Call> tokenCalls() {
        return calls.stream().filter(call -> call.target().endsWith("/oauth2/v2.0/token")).toList();
    }

    synchronized List<Call> graphCalls() {
        return calls.stream().filter(call -> call.target().startsWith("/beta/")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            String target = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Answer answer;
            synchronized (this) {
                boolean token = target.endsWith("/oauth2/v2.0/token");
                calls.add(new Call(exchange.getRequestMethod(), target, token ? form(body) : Map.of(),
                        authorization));
                answer = token ? token(target) : graph(target, authorization);
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Answer token(String target) {
        if (!tokenAnswers.isEmpty()) {
            return tokenAnswers.poll();
        }
        if (!target.equals("/" + TENANT + "/oauth2/v2.0/token")) {
            return new Answer(400, "{\"error\":\"invalid_request\",\"error_codes\":[90002]}", Map.of());
        }
        String token = "token-" + (++issued);
        valid.add(token);
        return new Answer(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                + "\"access_token\":\"" + token + "\"}", Map.of());
    }

    private Answer graph(String target, String authorization) {
        Deque<Answer> scripted = graphAnswers.get(target);
        if (scripted != null && !scripted.isEmpty()) {
            return scripted.poll();
        }
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !valid.contains(authorization.substring("Bearer ".length()))) {
            return new Answer(401, EXPIRED_TOKEN, Map.of());
        }
        String page = pages.get(target);
        if (page == null) {
            return new Answer(404, "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"Not found.\"}}",
                    Map.of());
        }
        return new Answer(200, page, Map.of());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
