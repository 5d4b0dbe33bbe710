package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.uptake.bench.TokenBucket;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process stand-in for the Slack Web API on loopback: records every call and answers what a test
 * scripted, or a plain success.
 *
 * <p>Point the SDK at {@link #url()} ({@code SlackConfig.setMethodsEndpointUrlPrefix}, or {@code SLACK_API_URL}).
 * Unscripted calls succeed: {@code chat.postMessage} answers with a channel ({@code D…} for a user id, as Slack
 * opens the DM) and a fresh {@code ts}; {@code chat.update} echoes its channel and ts; any other method answers
 * {@code {"ok":true}}. Scripted answers are used once each, in order, per method.
 *
 * <p>File uploads follow Slack's external flow: {@code files.getUploadURLExternal} answers a fresh file id and an
 * upload address on this fake, whose POSTed bytes are kept by file id ({@link #uploaded}); then
 * {@code files.completeUploadExternal} is recorded like any call.
 *
 * <p>Every payload that shows something to people (messages and their edits, replies through a
 * {@code response_url}, views, an upload's caption) is checked by {@link BlockKitLimits}, so every end-to-end test
 * also checks what the adapter really sent. One that breaks a limit is answered as Slack answers it
 * ({@code invalid_blocks}, or {@code invalid_arguments} for a view), kept in {@link #refusals}, and makes
 * {@link #close} fail the test: Slack would have refused it, or shown it broken.
 */
public final class FakeSlackApi implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK, and
        // every answer waits about 40 ms (as bench.FakeSlack found). Read once, when the first JDK server starts:
        // every fake built on it sets it first.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /**
     * One request the fake received.
     *
     * @param params the form fields, or the top-level fields of a JSON body (objects and arrays as JSON text)
     * @param token  the bearer token, or the {@code token} field when there was no Authorization header
     */
    public record Call(String method, Map<String, String> params, String token) {
    }

    private record Answer(int status, String json, Map<String, String> headers) {
    }

    /**
     * Calls of one method held unanswered until {@link #release}: {@link #arrived} opens when the first one comes.
     * The fake answers one call at a time, so other calls wait too while one is held.
     */
    public static final class Hold {

        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits up to {@code max} for a held call to come in. */
        public boolean arrived(Duration max) throws InterruptedException {
            return arrived.await(max.toMillis(), TimeUnit.MILLISECONDS);
        }

        public void release() {
            released.countDown();
        }

        private void await() {
            arrived.countDown();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Answer>> script = new HashMap<>();
    private final AtomicLong messages = new AtomicLong(100);
    private final Map<String, byte[]> uploads = new LinkedHashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();
    private final List<String> refusals = new ArrayList<>();
    private final Map<String, Answer> always = new HashMap<>();
    private final Map<String, Limit> limits = new HashMap<>();
    private final Map<String, TokenBucket> buckets = new HashMap<>();
    private final List<Long> accepted = new ArrayList<>();
    private int throttled;

    private record Limit(double perSecond, int burst) {
    }

    private FakeSlackApi(HttpServer server) {
        this.server = server;
    }

    /** A running fake on a free loopback port. */
    public static FakeSlackApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeSlackApi fake = new FakeSlackApi(server);
            server.createContext("/api/", fake::handle);
            server.createContext("/upload/", fake::upload);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Slack Web API", e);
        }
    }

    /** The Web API base, ending in {@code /}. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/api/";
    }

    /** The next call of this method gets this answer. */
    public synchronized FakeSlackApi answer(String method, int status, String json, Map<String, String> headers) {
        script.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Answer(status, json, Map.copyOf(headers)));
        return this;
    }

    /**
     * The service's settings for one workspace whose bot this fake answers for: {@code auth.test} names the bot
     * in {@code team} (Bolt asks it a few times), and the Web API base is this fake.
     */
    public Map<String, String> singleWorkspace(String team, String botToken, Map<String, String> more) {
        String auth = "{\"ok\":true,\"team_id\":\"" + team + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
        for (int i = 0; i < 5; i++) {
            answer("auth.test", 200, auth, Map.of());
        }
        Map<String, String> settings = new java.util.HashMap<>(more);
        settings.putAll(Map.of("uptake.slack.signing-secret", SignedSlackRequests.SECRET, "uptake.slack.bot-token",
                botToken, "uptake.slack.api-url", url()));
        return settings;
    }

    /** Every call of this method gets this answer, after any answers scripted with {@link #answer}. */
    public synchronized FakeSlackApi answerAlways(String method, String json) {
        always.put(method, new Answer(200, json, Map.of()));
        return this;
    }

    /**
     * Enforces a rate limit on this method per workspace (per bot token), as Slack does: a token bucket of
     * {@code burst} refilled at {@code perSecond}; a call with no token left is answered 429 with
     * {@code Retry-After} in whole seconds (at least 1) and counted in {@link #throttled}.
     */
    public synchronized FakeSlackApi limit(String method, double perSecond, int burst) {
        limits.put(method, new Limit(perSecond, burst));
        return this;
    }

    /** How many calls were answered 429 by a {@link #limit}. */
    public synchronized int throttled() {
        return throttled;
    }

    /** When each call of a {@link #limit}ed method was accepted ({@link System#nanoTime}), oldest first. */
    public synchronized List<Long> acceptedAt() {
        return List.copyOf(accepted);
    }

    /** Holds calls of this method, answered as scripted once the hold is released (at most a minute later). */
    public synchronized Hold hold(String method) {
        return holds.computeIfAbsent(method, m -> new Hold());
    }

    /** The calls of one method so far, oldest first. */
    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** How many calls of any method it received so far. */
    public synchronized int count() {
        return calls.size();
    }

    /** Every call from the {@code from}-th on, oldest first. */
    public synchronized List<Call> since(int from) {
        return List.copyOf(calls.subList(Math.min(from, calls.size()), calls.size()));
    }

    /** The bytes POSTed to each upload address so far, by file id. */
    public synchronized Map<String, byte[]> uploaded() {
        return Map.copyOf(uploads);
    }

    /** The payloads so far that broke a Block Kit limit, each with what it broke; empty when all passed. */
    public synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Stops the fake; fails when any payload it received broke a Block Kit limit. */
    @Override
    public void close() {
        server.stop(0);
        List<String> refused = refusals();
        if (!refused.isEmpty()) {
            throw new AssertionError("Slack would have refused or shown broken " + refused.size() + " payload(s): "
                    + String.join("\n", refused));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> params = type != null && type.startsWith("application/json") ? json(body)
                    : form(body);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = authorization != null && authorization.startsWith("Bearer ")
                    ? authorization.substring("Bearer ".length()) : params.get("token");
            Hold hold;
            synchronized (this) {
                hold = holds.get(method);
            }
            if (hold != null) {
                hold.await();
            }
            Answer answer = record(new Call(method, params, token));
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void upload(HttpExchange exchange) throws IOException {
        try (exchange) {
            String fileId = exchange.getRequestURI().getPath().substring("/upload/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (this) {
                uploads.put(fileId, body);
            }
            byte[] ok = ("OK - " + body.length).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ok);
            }
        }
    }

    private synchronized Answer record(Call call) {
        Limit limit = limits.get(call.method());
        if (limit != null) {
            Duration wait = buckets.computeIfAbsent(call.method() + "/" + call.token(),
                    k -> new TokenBucket(limit.perSecond(), limit.burst(), System::nanoTime)).tryTake();
            if (!wait.isZero()) {
                throttled++;
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                return new Answer(429, "{\"ok\":false,\"error\":\"ratelimited\"}",
                        Map.of("Retry-After", Long.toString(seconds)));
            }
            accepted.add(System.nanoTime());
        }
        calls.add(call);
        List<String> problems = problems(call);
        if (!problems.isEmpty()) {
            refusals.add(call.method() + ": " + problems);
            return new Answer(200, "{\"ok\":false,\"error\":\"" + (call.method().startsWith("views.")
                    ? "invalid_arguments" : "invalid_blocks") + "\"}", Map.of());
        }
        Deque<Answer> next = script.get(call.method());
        if (next != null && !next.isEmpty()) {
            return next.poll();
        }
        return always.containsKey(call.method()) ? always.get(call.method()) : new Answer(200, success(call), Map.of());
    }

    /** What Slack would refuse, or show broken, in a call that shows something to people. */
    private static List<String> problems(Call call) {
        Map<String, String> params = call.params();
        try {
            return switch (call.method()) {
                case "chat.postMessage", "chat.update", "chat.postEphemeral", "chat.scheduleMessage", "response" ->
                        params.containsKey("blocks") ? BlockKitLimits.check(new SlackMessage(
                                params.getOrDefault("text", ""), (com.fasterxml.jackson.databind.node.ArrayNode)
                                JSON.readTree(params.get("blocks")))) : BlockKitLimits.checkText(params.get("text"));
                case "views.open", "views.update", "views.push", "views.publish" ->
                        BlockKitLimits.checkView(JSON.readTree(params.getOrDefault("view", "{}")));
                case "files.completeUploadExternal" -> params.getOrDefault("channel_id", "").matches("[UW].*")
                        ? List.of("channel_id must be a conversation (C, G, D or Z), not a user")
                        : params.containsKey("initial_comment")
                        ? BlockKitLimits.checkText(params.get("initial_comment")) : List.of();
                default -> List.of();
            };
        } catch (IOException | ClassCastException e) {
            return List.of("unreadable blocks or view: " + e.getClass().getSimpleName());
        }
    }

    private String success(Call call) {
        String channel = call.params().getOrDefault("channel", "C0FAKE");
        return switch (call.method()) {
            case "chat.postMessage" -> object("channel", channel.matches("[UW].*") ? "D" + channel.substring(1)
                    : channel, "ts", String.format("1700000000.%06d", messages.getAndIncrement()));
            case "chat.update" -> object("channel", channel, "ts", call.params().getOrDefault("ts", ""));
            case "conversations.open" -> {
                String users = call.params().getOrDefault("users", "U0FAKE").replaceAll("[\\[\\]\" ]", "");
                var node = JSON.createObjectNode().put("ok", true);
                node.putObject("channel").put("id", "D" + users.split(",")[0].substring(1));
                yield node.toString();
            }
            case "files.getUploadURLExternal" -> {
                String fileId = "F" + messages.getAndIncrement();
                yield object("file_id", fileId, "upload_url", "http://" + server.getAddress().getHostString() + ":"
                        + server.getAddress().getPort() + "/upload/" + fileId);
            }
            default -> "{\"ok\":true}";
        };
    }

    private static String object(String... fields) {
        var node = JSON.createObjectNode().put("ok", true);
        for (int i = 0; i < fields.length; i += 2) {
            node.put(fields[i], fields[i + 1]);
        }
        return node.toString();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Map<String, String> json(String body) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode tree = JSON.readTree(body);
        tree.fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().isValueNode()
                ? f.getValue().asText() : f.getValue().toString()));
        return params;
    }
}
