package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Bot Framework on loopback: OpenID metadata and signing keys for inbound tokens, and a Bot Connector that
 * records what the bot sends (replies, proactive messages, new chats, edits) and answers as scripted.
 *
 * <p>One per test JVM: the SDK caches signing keys by metadata URL for the life of the process.
 */
public final class FakeBotConnector {

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK, and
        // every answer waits about 40 ms (as bench.FakeSlack found). Read once, when the first JDK server starts:
        // every fake built on it sets it first.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One request the bot made. */
    public record Call(String method, String path, String query, String authorization, JsonNode body) {

        public String text() {
            return body.path("text").asText();
        }

        public JsonNode card() {
            return body.path("attachments").path(0).path("content");
        }
    }

    /** A scripted answer to the next send, edit or new chat. */
    record Reply(int status, Map<String, String> headers, String body) {
    }

    static final String KEY_ID = "uptake-test-key";
    public static final ObjectMapper JSON = new ObjectMapper();

    private static FakeBotConnector instance;

    private final HttpServer server;
    private final KeyPair key;
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final Map<String, JsonNode> members = new HashMap<>();
    private final Map<String, List<ArrayNode>> rosters = new HashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, String> openedFor = new HashMap<>();
    private final List<String> refusals = new ArrayList<>();

    private FakeBotConnector() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-bot-connector");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static synchronized FakeBotConnector get() {
        if (instance == null) {
            try {
                instance = new FakeBotConnector();
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** The service URL activities name, ending in a slash as Teams' do. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    String openIdUrl() {
        return url() + "openid";
    }

    KeyPair key() {
        return key;
    }

    /**
     * The cards so far that broke a documented Teams limit ({@link AdaptiveCardLimits}), each with what it broke;
     * such a send or edit was answered as Teams answers it and is not among {@link #posted()} or {@link #edits()}.
     */
    public synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    synchronized void reset() {
        refusals.clear();
        calls.clear();
        script.clear();
        members.clear();
        rosters.clear();
    }

    /** The next sends, edits or new chats answer these, in order; later ones succeed. */
    synchronized void answerNext(Reply... replies) {
        script.addAll(List.of(replies));
    }

    /** The profile {@code GET .../members/{userId}} returns. */
    synchronized void member(String userId, JsonNode profile) {
        members.put(userId, profile);
    }

    /** The pages {@code GET /v3/conversations/{teamId}/pagedmembers} returns, one continuation token apart. */
    public synchronized void roster(String teamId, List<ArrayNode> pages) {
        rosters.put(teamId, List.copyOf(pages));
    }

    /** The user each personal chat this fake opened was opened with, by conversation id. */
    public synchronized String openedFor(String conversationId) {
        return openedFor.get(conversationId);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** New activities posted to a conversation, replies included. */
    public synchronized List<Call> posted() {
        return calls.stream().filter(c -> c.method().equals("POST") && c.path().contains("/activities")).toList();
    }

    public synchronized List<Call> edits() {
        return calls.stream().filter(c -> c.method().equals("PUT")).toList();
    }

    public synchronized List<Call> chatsOpened() {
        return calls.stream().filter(c -> c.method().equals("POST") && c.path().equals("/v3/conversations")).toList();
    }

    synchronized List<Call> rosterReads() {
        return calls.stream().filter(c -> c.path().endsWith("/pagedmembers")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (path.equals("/openid")) {
                reply(exchange, new Reply(200, Map.of(), openId()));
                return;
            }
            if (path.equals("/keys")) {
                reply(exchange, new Reply(200, Map.of(), keys()));
                return;
            }
            JsonNode body = raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
            reply(exchange, connector(new Call(exchange.getRequestMethod(), path, query,
                    exchange.getRequestHeaders().getFirst("Authorization"), body)));
        }
    }

    private synchronized Reply connector(Call call) {
        List<String> problems = cardProblems(call);
        if (!problems.isEmpty()) {
            refusals.add(call.method() + " " + call.path() + ": " + problems);
            return problems.stream().anyMatch(p -> p.contains(" bytes in UTF-16"))
                    ? error(413, "MessageSizeTooBig") : error(400, "BadArgument");
        }
        calls.add(call);
        String[] parts = call.path().split("/");
        if (call.method().equals("GET") && call.path().endsWith("/pagedmembers")) {
            return page(parts[3], call.query());
        }
        if (call.method().equals("GET") && parts.length == 6 && parts[4].equals("members")) {
            JsonNode member = members.get(parts[5]);
            return member == null ? error(404, "MemberNotFound") : new Reply(200, Map.of(), member.toString());
        }
        if (!script.isEmpty()) {
            return script.poll();
        }
        if (call.path().equals("/v3/conversations")) {
            String id = "a:opened-" + ids.incrementAndGet();
            openedFor.put(id, call.body().path("members").path(0).path("id").asText());
            return new Reply(201, Map.of(), "{\"id\":\"" + id + "\"}");
        }
        if (call.method().equals("PUT")) {
            return new Reply(200, Map.of(), "{\"id\":\"" + parts[parts.length - 1] + "\"}");
        }
        return new Reply(201, Map.of(), "{\"id\":\"1:activity-" + ids.incrementAndGet() + "\"}");
    }

    private Reply page(String teamId, String query) {
        List<ArrayNode> pages = rosters.get(teamId);
        if (pages == null) {
            return error(403, "BotNotInConversationRoster");
        }
        int index = 0;
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("continuationToken=page-")) {
                index = Integer.parseInt(parameter.substring("continuationToken=page-".length()));
            }
        }
        ObjectNode result = JSON.createObjectNode();
        result.set("members", pages.get(index));
        if (index + 1 < pages.size()) {
            result.put("continuationToken", "page-" + (index + 1));
        }
        return new Reply(200, Map.of(), result.toString());
    }

    /** What Teams would refuse in the cards of an activity sent or edited. */
    private static List<String> cardProblems(Call call) {
        boolean activity = call.method().equals("POST") && call.path().endsWith("/activities")
                || call.method().equals("PUT");
        List<String> problems = new ArrayList<>();
        if (activity) {
            for (JsonNode attachment : call.body().path("attachments")) {
                if ("application/vnd.microsoft.card.adaptive".equals(attachment.path("contentType").asText())) {
                    problems.addAll(AdaptiveCardLimits.check(attachment.path("content"), call.body().toString()));
                }
            }
        }
        return problems;
    }

    static Reply error(int status, String code) {
        return error(status, code, Map.of());
    }

    static Reply error(int status, String code, Map<String, String> headers) {
        return new Reply(status, headers, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + code + "\"}}");
    }

    private String openId() {
        return JSON.createObjectNode().put("issuer", "https://api.botframework.com").put("jwks_uri", url() + "keys")
                .toString();
    }

    private String keys() {
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        ObjectNode jwk = JSON.createObjectNode().put("kty", "RSA").put("use", "sig").put("kid", KEY_ID)
                .put("n", b64.encodeToString(unsigned(pub.getModulus().toByteArray())))
                .put("e", b64.encodeToString(unsigned(pub.getPublicExponent().toByteArray())));
        jwk.putArray("endorsements").add("msteams");
        ObjectNode keys = JSON.createObjectNode();
        keys.putArray("keys").add(jwk);
        return keys.toString();
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static void reply(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
