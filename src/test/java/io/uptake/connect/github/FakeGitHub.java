package io.uptake.connect.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub on loopback, answering in the shapes GitHub's REST and GraphQL references document: the Copilot seat list
 * paged with {@code Link} headers, per-user usage metrics reports with download links to NDJSON files it serves
 * itself, and the organisation's SAML external identities. Records every request; scripted answers for a path are
 * used once each, in order, before the normal answer.
 */
public final class FakeGitHub implements AutoCloseable {

    public static final String ORG = "acme";
    static final String SEATS = "/orgs/" + ORG + "/copilot/billing/seats";
    static final String REPORTS = "/orgs/" + ORG + "/copilot/metrics/reports/users-1-day";
    static final String GRAPHQL = "/graphql";

    static {
        // As the other loopback fakes do: without it each answer waits for the client's delayed ACK (about 40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the fake received. */
    record Request(String method, String path, String query, String authorization, String body) {
    }

    /** One SAML external identity: a linked GitHub login (or null) with its SAML nameId and SCIM user name. */
    record Identity(String login, String nameId, String scimUsername) {
    }

    private record Scripted(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Scripted>> scripted = new HashMap<>();
    private final List<ObjectNode> seats = new ArrayList<>();
    private final Map<LocalDate, List<List<String>>> reports = new LinkedHashMap<>();
    private int seatsPerPage = 2;
    private int identitiesPerPage = 2;
    private int noReportStatus = 404;
    /** Null: no SAML provider; else the identities. */
    private List<Identity> identities;
    private String graphqlError;

    private FakeGitHub(HttpServer server) {
        this.server = server;
    }

    public static FakeGitHub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeGitHub fake = new FakeGitHub(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A seat of a user, with {@code last_activity_at} as GitHub writes it, or null for none in 90 days. */
    public synchronized FakeGitHub seat(String login, String lastActivityAt) {
        ObjectNode seat = JSON.createObjectNode();
        seat.put("created_at", "2026-01-05T09:00:00Z");
        seat.putNull("pending_cancellation_date");
        if (lastActivityAt == null) {
            seat.putNull("last_activity_at");
            seat.putNull("last_activity_editor");
        } else {
            seat.put("last_activity_at", lastActivityAt);
            seat.put("last_activity_editor", "vscode/1.95.0/copilot/1.250.0");
        }
        seat.put("plan_type", "business");
        ObjectNode assignee = seat.putObject("assignee");
        assignee.put("login", login);
        assignee.put("id", Math.abs(login.hashCode()));
        assignee.put("type", "User");
        assignee.put("site_admin", false);
        seats.add(seat);
        return this;
    }

    /** Moves a user's seat's last activity to {@code lastActivityAt}, giving them a seat if they have none. */
    public synchronized FakeGitHub seatActivity(String login, String lastActivityAt) {
        for (ObjectNode seat : seats) {
            if (seat.path("assignee").path("login").asText().equals(login)) {
                seat.put("last_activity_at", lastActivityAt);
                seat.put("last_activity_editor", "vscode/1.95.0/copilot/1.250.0");
                return this;
            }
        }
        return seat(login, lastActivityAt);
    }

    /** Whether a day's report is published. */
    public synchronized boolean hasReport(LocalDate day) {
        return reports.containsKey(day);
    }

    FakeGitHub seatsPerPage(int perPage) {
        this.seatsPerPage = perPage;
        return this;
    }

    /** A day's report: each inner list is one NDJSON file of records (one line each). */
    @SafeVarargs
    public final synchronized FakeGitHub report(LocalDate day, List<String>... files) {
        reports.put(day, List.of(files));
        return this;
    }

    /** What a day without a report answers: 404 (default) or 204. */
    FakeGitHub noReportStatus(int status) {
        this.noReportStatus = status;
        return this;
    }

    FakeGitHub samlIdentities(int perPage, Identity... linked) {
        this.identities = List.of(linked);
        this.identitiesPerPage = perPage;
        return this;
    }

    /** GraphQL answers 200 with an {@code errors} entry of this type, as when the token may not read identities. */
    FakeGitHub graphqlError(String type) {
        this.graphqlError = type;
        return this;
    }

    /** The next request to {@code path} gets this answer instead of the normal one. */
    FakeGitHub once(String path, int status, Map<String, String> headers, String body) {
        synchronized (scripted) {
            scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Scripted(status, headers, body));
        }
        return this;
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> requestsTo(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), path, query,
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Scripted next;
            synchronized (scripted) {
                Deque<Scripted> queue = scripted.get(path);
                next = queue == null ? null : queue.poll();
            }
            if (next != null) {
                next.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                send(exchange, next.status(), next.body());
            } else if (path.equals(SEATS)) {
                seatPage(exchange, query);
            } else if (path.equals(REPORTS)) {
                reportLinks(exchange, query);
            } else if (path.startsWith("/download/")) {
                reportFile(exchange, path);
            } else if (path.equals(GRAPHQL)) {
                graphql(exchange, body);
            } else {
                send(exchange, 404, "{\"message\":\"Not Found\"}");
            }
        }
    }

    private synchronized void seatPage(HttpExchange exchange, String query) throws IOException {
        int page = Integer.parseInt(param(query, "page", "1"));
        int pages = Math.max(1, (seats.size() + seatsPerPage - 1) / seatsPerPage);
        ObjectNode body = JSON.createObjectNode();
        body.put("total_seats", seats.size());
        ArrayNode list = body.putArray("seats");
        seats.stream().skip((long) (page - 1) * seatsPerPage).limit(seatsPerPage).forEach(list::add);
        List<String> links = new ArrayList<>();
        String base = url() + SEATS + "?per_page=" + param(query, "per_page", "50") + "&page=";
        if (page < pages) {
            links.add("<" + base + (page + 1) + ">; rel=\"next\"");
            links.add("<" + base + pages + ">; rel=\"last\"");
        }
        if (page > 1) {
            links.add("<" + base + "1>; rel=\"first\"");
            links.add("<" + base + (page - 1) + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            exchange.getResponseHeaders().add("Link", String.join(", ", links));
        }
        send(exchange, 200, body.toString());
    }

    private synchronized void reportLinks(HttpExchange exchange, String query) throws IOException {
        LocalDate day = LocalDate.parse(param(query, "day", ""));
        List<List<String>> files = reports.get(day);
        if (files == null) {
            send(exchange, noReportStatus, noReportStatus == 204 ? "" : "{\"message\":\"Not Found\","
                    + "\"documentation_url\":\"https://docs.github.com/rest/copilot/copilot-usage-metrics\"}");
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode links = body.putArray("download_links");
        for (int i = 0; i < files.size(); i++) {
            links.add(url() + "/download/" + day + "-" + i + ".ndjson?sv=2025-01-05&se=2026-12-01&sig=c2lnbmVk");
        }
        body.put("report_day", day.toString());
        send(exchange, 200, body.toString());
    }

    private synchronized void reportFile(HttpExchange exchange, String path) throws IOException {
        String name = path.substring("/download/".length(), path.length() - ".ndjson".length());
        int dash = name.lastIndexOf('-');
        List<String> lines = reports.get(LocalDate.parse(name.substring(0, dash)))
                .get(Integer.parseInt(name.substring(dash + 1)));
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        send(exchange, 200, String.join("\n", lines) + "\n");
    }

    private void graphql(HttpExchange exchange, String body) throws IOException {
        if (graphqlError != null) {
            send(exchange, 200, "{\"data\":{\"organization\":{\"samlIdentityProvider\":null}},\"errors\":[{\"type\":\""
                    + graphqlError + "\",\"path\":[\"organization\",\"samlIdentityProvider\"],\"message\":\"Resource "
                    + "not accessible by integration\"}]}");
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode organization = answer.putObject("data").putObject("organization");
        if (identities == null) {
            organization.putNull("samlIdentityProvider");
            send(exchange, 200, answer.toString());
            return;
        }
        JsonNode after = JSON.readTree(body).path("variables").path("after");
        int start = after.isTextual() ? Integer.parseInt(after.asText().substring("cursor-".length())) : 0;
        int end = Math.min(identities.size(), start + identitiesPerPage);
        ObjectNode external = organization.putObject("samlIdentityProvider").putObject("externalIdentities");
        ObjectNode pageInfo = external.putObject("pageInfo");
        pageInfo.put("hasNextPage", end < identities.size());
        pageInfo.put("endCursor", "cursor-" + end);
        ArrayNode nodes = external.putArray("nodes");
        for (Identity identity : identities.subList(start, end)) {
            ObjectNode node = nodes.addObject();
            if (identity.login() == null) {
                node.putNull("user");
            } else {
                node.putObject("user").put("login", identity.login());
            }
            node.putObject("samlIdentity").put("nameId", identity.nameId());
            if (identity.scimUsername() == null) {
                node.putNull("scimIdentity");
            } else {
                node.putObject("scimIdentity").put("username", identity.scimUsername());
            }
        }
        send(exchange, 200, answer.toString());
    }

    private static String param(String query, String name, String otherwise) {
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return otherwise;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        }
        boolean empty = status == 204 || bytes.length == 0;
        exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
