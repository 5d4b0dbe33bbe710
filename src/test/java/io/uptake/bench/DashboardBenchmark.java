package io.uptake.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo as a newcomer starts it: {@code UPTAKE_DEMO=true java -jar target/uptake.jar} in an empty directory,
 * timed from the process start to the first page served (the dashboard at {@code /}, which the demo opens without
 * sign-in), then the same again on the database the first start seeded. Each dashboard page is then fetched once:
 * its time to the last byte and its weight (the HTML and every stylesheet, script and image it links, each counted
 * once per page). Needs the jar: {@code mvn -B -q package -DskipTests} first. Writes
 * {@code target/bench/dashboard.md}.
 */
public final class DashboardBenchmark {

    private static final Path JAR = Path.of("target", "uptake.jar").toAbsolutePath();
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/(?:static|charts)/[^\"]+)\"");
    private static final Pattern WORKFLOW = Pattern.compile("href=\"(/workflows/[^\"?#]+)");
    private static final List<String> PAGES = List.of("/", "/pulses", "/people", "/programmes-file", "/outbox",
            "/try");

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("Build the jar first: mvn -B -q package -DskipTests (" + JAR + ")");
        }
        Path dir = Files.createTempDirectory("uptake-demo-bench");
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        StringBuilder report = new StringBuilder("# Dashboard and demo\n\n");
        report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(".\n\n");
        report.append("| start | time to the first page | load average (start → end) |\n|---|---:|---|\n");
        int port = freePort();
        Started fresh = start(dir, port, out.resolve("demo-fresh.log"));
        report.append(row("fresh directory: seeds the demo year", fresh));
        List<String> pages = new ArrayList<>();
        try {
            pages.addAll(weigh(port));
        } finally {
            stop(fresh.process());
        }
        Started reused = start(dir, port, out.resolve("demo-reused.log"));
        stop(reused.process());
        report.append(row("same directory: the seeded database reused", reused));
        report.append("\n| page | time to last byte | HTML | with stylesheets, scripts, images |\n"
                + "|---|---:|---:|---:|\n");
        pages.forEach(report::append);
        Files.writeString(out.resolve("dashboard.md"), report.toString());
        System.out.println(report);
    }

    private record Started(Process process, long millis, String loadStart, String loadEnd) {
    }

    private static Started start(Path dir, int port, Path log) throws Exception {
        String load = BenchReport.Load.now();
        long begin = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", JAR.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("UPTAKE_DEMO", "true");
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - begin < START_LIMIT.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The demo stopped with exit code " + process.exitValue()
                        + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + port + "/")).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return new Started(process, (System.nanoTime() - begin) / 1_000_000, load,
                            BenchReport.Load.now());
                }
            } catch (IOException e) {
                // not listening yet
            }
            process.onExit().completeOnTimeout(process, 100, java.util.concurrent.TimeUnit.MILLISECONDS).join();
        }
        process.destroyForcibly();
        throw new IllegalStateException("No page within " + START_LIMIT + "; see " + log);
    }

    private static List<String> weigh(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        List<String> paths = new ArrayList<>(PAGES);
        String home = get(http, base + "/").body();
        Matcher workflow = WORKFLOW.matcher(home);
        if (workflow.find()) {
            paths.add(1, workflow.group(1));
        }
        List<String> rows = new ArrayList<>();
        for (String path : paths) {
            long begin = System.nanoTime();
            HttpResponse<String> page = get(http, base + path);
            long millis = (System.nanoTime() - begin) / 1_000_000;
            long html = page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            long total = html;
            Set<String> linked = new LinkedHashSet<>();
            Matcher m = LINKED.matcher(page.body());
            while (m.find()) {
                linked.add(m.group(1).replace("&amp;", "&"));
            }
            for (String asset : linked) {
                total += http.send(HttpRequest.newBuilder(URI.create(base + asset)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body().length;
            }
            rows.add(String.format(Locale.ROOT, "| `%s` (%d) | %d ms | %.1f kB | %.1f kB |%n", path,
                    page.statusCode(), millis, html / 1024.0, total / 1024.0));
        }
        return rows;
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String row(String what, Started started) {
        return String.format(Locale.ROOT, "| %s | %.1f s | %s → %s |%n", what, started.millis() / 1000.0,
                started.loadStart(), started.loadEnd());
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
