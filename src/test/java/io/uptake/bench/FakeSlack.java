package io.uptake.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback stand-in for Slack's {@code chat.postMessage} that enforces a rate limit and remembers what it
 * accepted.
 *
 * <p>Each POST carries one recipient id as its body, and its workspace in the {@value #TEAM_HEADER} header. Each
 * workspace has a bucket of its own, as Slack's cap is per workspace. Within the limit it answers 200 with a message
 * reference; above it, 429 with {@code Retry-After} in whole seconds (at least 1), as Slack does.
 */
final class FakeSlack implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK,
        // and every answer waits about 40 ms: four sends in flight then cap the rate near 85 a second.
        // Read once, when the server's configuration is first loaded.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The request header that names the workspace a message is for. */
    static final String TEAM_HEADER = "X-Bench-Team";

    private final HttpServer server;
    private final double perSecond;
    private final int burst;
    private final Map<String, TokenBucket> buckets = new HashMap<>();
    private final Map<String, Integer> acceptedBy = new HashMap<>();
    private final Map<String, List<Long>> acceptedAt = new HashMap<>();
    private final List<Long> acceptNanos = new ArrayList<>();
    private final Map<String, List<Long>> acceptNanosByTeam = new HashMap<>();
    private int throttled;

    private FakeSlack(HttpServer server, double perSecond, int burst) {
        this.server = server;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /**
     * Starts on an ephemeral loopback port, admitting {@code perSecond} messages a second in bursts of
     * {@code burst}, to each workspace.
     */
    static FakeSlack start(double perSecond, int burst) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        new TokenBucket(perSecond, burst, System::nanoTime); // refuses a bad limit now rather than at the first send
        FakeSlack fake = new FakeSlack(server, perSecond, burst);
        server.createContext("/chat.postMessage", fake::handle);
        // No executor: answers take microseconds, so they run on the server's own thread without a hand-off.
        server.setExecutor(null);
        server.start();
        return fake;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/chat.postMessage");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String recipient = new String(body.readAllBytes(), StandardCharsets.UTF_8).trim();
            String team = String.valueOf(exchange.getRequestHeaders().getFirst(TEAM_HEADER));
            Duration wait = bucket(team).tryTake();
            if (wait.isZero()) {
                int ref = accept(team, recipient);
                respond(exchange, 200, "ts-" + ref);
            } else {
                long seconds = Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
                synchronized (this) {
                    throttled++;
                }
                exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
                respond(exchange, 429, "ratelimited");
            }
        }
    }

    private synchronized TokenBucket bucket(String team) {
        return buckets.computeIfAbsent(team, t -> new TokenBucket(perSecond, burst, System::nanoTime));
    }

    private synchronized int accept(String team, String recipient) {
        long now = System.nanoTime();
        acceptNanos.add(now);
        acceptNanosByTeam.computeIfAbsent(team, t -> new ArrayList<>()).add(now);
        acceptedBy.merge(recipient, 1, Integer::sum);
        acceptedAt.computeIfAbsent(recipient, r -> new ArrayList<>()).add(now);
        return acceptNanos.size();
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    synchronized int accepted() {
        return acceptNanos.size();
    }

    /** What the platform saw so far. */
    synchronized Tally tally() {
        Duration span = acceptNanos.isEmpty() ? Duration.ZERO
                : Duration.ofNanos(acceptNanos.get(acceptNanos.size() - 1) - acceptNanos.get(0));
        return new Tally(acceptNanos.size(), acceptedBy.size(), throttled, span);
    }

    /** Messages accepted a second after the first {@code warmUp}, to the last accept. */
    synchronized double rateAfter(Duration warmUp) {
        if (acceptNanos.isEmpty()) {
            return 0;
        }
        long from = acceptNanos.get(0) + warmUp.toNanos();
        long last = acceptNanos.get(acceptNanos.size() - 1);
        long counted = acceptNanos.stream().filter(t -> t >= from).count();
        return last <= from ? 0 : counted / ((last - from) / 1e9);
    }

    /** Messages accepted in each whole second from the first accept, to see how steady the rate was. */
    synchronized int[] perSecond() {
        if (acceptNanos.isEmpty()) {
            return new int[0];
        }
        long first = acceptNanos.get(0);
        int[] counts = new int[(int) ((acceptNanos.get(acceptNanos.size() - 1) - first) / 1_000_000_000L) + 1];
        acceptNanos.forEach(t -> counts[(int) ((t - first) / 1_000_000_000L)]++);
        return counts;
    }

    /**
     * When the platform first accepted a message to each of these recipients after {@code since}
     * ({@link System#nanoTime}); a recipient not reached since then is left out.
     */
    synchronized Map<String, Long> firstAcceptAfter(java.util.Collection<String> recipients, long since) {
        Map<String, Long> first = new HashMap<>();
        for (String recipient : recipients) {
            acceptedAt.getOrDefault(recipient, List.of()).stream().filter(t -> t >= since).findFirst()
                    .ifPresent(t -> first.put(recipient, t));
        }
        return first;
    }

    /** Recipients the platform accepted a message to before {@code nanos}. */
    synchronized java.util.Set<String> acceptedBefore(java.util.Collection<String> recipients, long nanos) {
        java.util.Set<String> before = new java.util.HashSet<>();
        for (String recipient : recipients) {
            if (acceptedAt.getOrDefault(recipient, List.of()).stream().anyMatch(t -> t < nanos)) {
                before.add(recipient);
            }
        }
        return before;
    }

    /** When each message was accepted ({@link System#nanoTime()}), by workspace. */
    synchronized Map<String, List<Long>> acceptNanosByTeam() {
        Map<String, List<Long>> copy = new HashMap<>();
        acceptNanosByTeam.forEach((team, times) -> copy.put(team, List.copyOf(times)));
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Counts of what the fake platform received.
     *
     * @param accepted messages answered 200, duplicates included
     * @param distinct recipients that got at least one message
     * @param throttled requests answered 429
     * @param span     time from the first accepted message to the last
     */
    record Tally(int accepted, int distinct, int throttled, Duration span) {

        int duplicates() {
            return accepted - distinct;
        }

        int lost(int expected) {
            return expected - distinct;
        }

        /** Messages accepted a second, over the span from the first to the last. */
        double rate() {
            return span.isZero() ? 0 : accepted / (span.toNanos() / 1e9);
        }
    }
}
