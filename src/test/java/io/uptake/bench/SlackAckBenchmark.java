package io.uptake.bench;

import io.uptake.chat.slack.AnswerButtonValue;
import io.uptake.chat.slack.BareSignatureEndpoint;
import io.uptake.chat.slack.PulseActions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast Uptake acknowledges Slack button clicks. A separate JVM ({@link SlackAckServer}) runs the service; this
 * process is the load generator, on loopback. Signed {@code block_actions} answers go to {@code /slack/events}
 * at a fixed rate ({@code bench.ackRate}, default 200/s) for {@code bench.ackSeconds} (default 60 s) after a
 * 10 s warm-up; then the highest sustained rate with {@code bench.ackConcurrency} (default 16) requests in
 * flight, against the same rate for an endpoint in the same process that only checks the signature.
 */
public final class SlackAckBenchmark {

    private static final int PEOPLE = 100;
    private static final int ROUNDS = 3;
    private static final Duration PHASE = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(32)).build();
    private final String base;
    private final long round;
    private final AtomicLong sequence = new AtomicLong();

    private SlackAckBenchmark(int port, long round) {
        this.base = "http://127.0.0.1:" + port;
        this.round = round;
    }

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        int rate = Integer.getInteger("bench.ackRate", 200);
        int seconds = Integer.getInteger("bench.ackSeconds", 60);
        int concurrency = Integer.getInteger("bench.ackConcurrency", 16);
        Path out = Path.of("target/bench");
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        // e.g. -Dbench.serverJvmArgs=-XX:StartFlightRecording=filename=target/bench/server.jfr to profile the service
        String serverJvmArgs = System.getProperty("bench.serverJvmArgs", "");
        if (!serverJvmArgs.isBlank()) {
            command.addAll(List.of(serverJvmArgs.trim().split("\\s+")));
        }
        command.addAll(List.of("-classpath", System.getProperty("java.class.path"), SlackAckServer.class.getName(),
                Integer.toString(PEOPLE)));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String[] ready = awaitReady(server, out.resolve("slack-ack-server.log"));
            SlackAckBenchmark bench = new SlackAckBenchmark(Integer.parseInt(ready[1]), Long.parseLong(ready[2]));
            // Warm both paths up, so that neither is measured while the JIT is still compiling it.
            bench.closedLoop("/slack/events", concurrency, Duration.ofSeconds(30));
            bench.closedLoop("/bench/bare", concurrency, Duration.ofSeconds(10));
            Latencies open = bench.openLoop(rate, Duration.ofSeconds(seconds));
            // Answers and bare in turn, so that drift in the machine's load falls on both alike.
            List<Phase> answers = new ArrayList<>();
            List<Phase> bare = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                answers.add(bench.phase("/slack/events", concurrency));
                bare.add(bench.phase("/bench/bare", concurrency));
            }
            String table = report(rate, seconds, concurrency, open, answers, bare);
            System.out.println(table);
            Files.writeString(out.resolve("slack-ack.md"), table);
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        System.exit(0);
    }

    /** Requests sent on a fixed schedule, whatever the answers' latency. */
    Latencies openLoop(int rate, Duration duration) throws InterruptedException {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long total = rate * duration.toSeconds();
        CountDownLatch done = new CountDownLatch((int) total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            if (sent.incrementAndGet() > total) {
                return;
            }
            long start = System.nanoTime();
            http.sendAsync(request("/slack/events"), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                nanos.add(System.nanoTime() - start);
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                done.countDown();
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        done.await(duration.toSeconds() + 30, TimeUnit.SECONDS);
        ticker.shutdownNow();
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Latencies(sorted.size(), errors.get(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
    }

    /** Completed requests per second with {@code concurrency} always in flight. */
    double closedLoop(String path, int concurrency, Duration duration) throws InterruptedException {
        AtomicLong completed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            completed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return completed.get() / (double) duration.toSeconds();
    }

    private HttpRequest request(String path) {
        long n = sequence.incrementAndGet();
        // Each person's next click picks the next value, so every click changes their answer and is written.
        String value = AnswerButtonValue.encode(round, "trust", Long.toString(1 + (n / PEOPLE) % 5), null);
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + SlackAckServer.TEAM + "\"},"
                + "\"user\":{\"id\":\"U" + (n % PEOPLE) + "\",\"team_id\":\"" + SlackAckServer.TEAM + "\"},"
                + "\"api_app_id\":\"A1\",\"trigger_id\":\"1.2.3\",\"container\":{\"type\":\"message\"},"
                + "\"channel\":{\"id\":\"D1\"},\"actions\":[{\"type\":\"button\",\"action_id\":\""
                + PulseActions.ANSWER_PREFIX + "trust:1\",\"block_id\":\"b\",\"value\":\"" + value
                + "\",\"action_ts\":\"1\"}]}";
        byte[] body = ("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", BareSignatureEndpoint.signature(SlackAckServer.SECRET, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** The service's CPU nanoseconds so far, by thread group. */
    Map<String, Long> cpu() throws Exception {
        String json = http.send(HttpRequest.newBuilder(URI.create(base + "/bench/cpu")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Long> cpu = new TreeMap<>();
        for (String pair : json.replaceAll("[{}\"]", "").split(",")) {
            int colon = pair.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("not CPU figures: " + json);
            }
            cpu.put(pair.substring(0, colon), Long.parseLong(pair.substring(colon + 1)));
        }
        return cpu;
    }

    private static long selfCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One closed-loop phase: its rate, and the CPU the service and this load generator spent in it. */
    Phase phase(String path, int concurrency) throws Exception {
        Map<String, Long> before = cpu();
        long selfBefore = selfCpu();
        double rate = closedLoop(path, concurrency, PHASE);
        Map<String, Long> after = cpu();
        Map<String, Long> spent = new TreeMap<>();
        after.forEach((group, nanos) -> spent.put(group, nanos - before.getOrDefault(group, 0L)));
        spent.put("load generator", selfCpu() - selfBefore);
        return new Phase(rate, rate * PHASE.toSeconds(), spent);
    }

    /** A closed-loop phase: completed requests per second, and CPU nanoseconds by thread group. */
    record Phase(double rate, double requests, Map<String, Long> cpuNanos) {

        static double median(List<Phase> phases) {
            List<Double> rates = phases.stream().map(Phase::rate).sorted().toList();
            return rates.get(rates.size() / 2);
        }

        /** Microseconds of CPU per request in one group, over all the phases. */
        static double perRequest(List<Phase> phases, String group) {
            double nanos = phases.stream().mapToLong(p -> p.cpuNanos().getOrDefault(group, 0L)).sum();
            return nanos / 1e3 / phases.stream().mapToDouble(Phase::requests).sum();
        }
    }

    /** CPU microseconds per request, for the service's thread groups and the load generator. */
    private static String cpuTable(List<Phase> answers, List<Phase> bare) {
        StringBuilder out = new StringBuilder("| CPU µs per request | answers | bare |\n|---|---:|---:|\n");
        Set<String> groups = new TreeSet<>(answers.get(0).cpuNanos().keySet());
        for (String group : groups) {
            double a = Phase.perRequest(answers, group);
            double b = Phase.perRequest(bare, group);
            if (a >= 1 || b >= 1) {
                out.append(String.format("| %s | %.0f | %.0f |%n", group, a, b));
            }
        }
        return out.toString();
    }

    private static String[] awaitReady(Process server, Path log) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            writer.println(line);
            if (line.startsWith("ready ")) {
                Thread pump = new Thread(() -> in.lines().forEach(writer::println));
                pump.setDaemon(true);
                pump.start();
                return line.split(" ");
            }
        }
        throw new IllegalStateException("the service stopped before it was ready; see " + log);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String report(int rate, int seconds, int concurrency, Latencies open, List<Phase> answers,
                                 List<Phase> bare) {
        double answerRate = Phase.median(answers);
        double bareRate = Phase.median(bare);
        return "Signed block_actions answers to /slack/events, load generator in a separate JVM on loopback; "
                + Runtime.getRuntime().availableProcessors() + " cores.\n\n"
                + "| measure | result | goal |\n|---|---:|---|\n"
                + "| requests at " + rate + "/s for " + seconds + " s | " + open.count() + " | |\n"
                + "| errors (non-200 or failed) | " + open.errors() + " | 0 |\n"
                + String.format("| ack latency p50 | %.1f ms | |%n", open.p50() / 1e6)
                + String.format("| ack latency p99 | %.1f ms | < 100 ms |%n", open.p99() / 1e6)
                + String.format("| ack latency max | %.1f ms | |%n", open.max() / 1e6)
                + String.format("| sustained answers, %d in flight (median of %s) | %.0f /s | |%n", concurrency,
                        rates(answers), answerRate)
                + String.format("| sustained bare signature check, same process (median of %s) | %.0f /s | |%n",
                        rates(bare), bareRate)
                + String.format("| answers ÷ bare | %.2f | ≥ 0.7 |%n", answerRate / bareRate)
                + "\n" + cpuTable(answers, bare);
    }

    private static String rates(List<Phase> phases) {
        return String.join(", ", phases.stream().map(p -> String.format("%.0f", p.rate())).toList());
    }

    /** Latency figures in nanoseconds. */
    record Latencies(int count, int errors, long p50, long p99, long max) {
    }
}
