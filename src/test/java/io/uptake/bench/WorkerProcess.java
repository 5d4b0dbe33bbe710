package io.uptake.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A {@link BenchWorker} in a child JVM (same java binary, same classpath): its output goes to a log file, and its
 * {@code bench:} report lines are echoed and kept.
 */
final class WorkerProcess {

    private final Process process;
    private final Thread pump;
    private final List<String> reports = new ArrayList<>();

    private WorkerProcess(Process process, Path log, String name) {
        this.process = process;
        this.pump = new Thread(() -> pump(log, name), "worker-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    static WorkerProcess start(WorkerArgs args, Path log, String name) throws IOException {
        return start(BenchWorker.class, args.toList(), log, name);
    }

    /** Starts {@code main} with these arguments in a child JVM. */
    static WorkerProcess start(Class<?> main, List<String> args, Path log, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-classpath",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new WorkerProcess(process, log, name);
    }

    /** Whether the worker has reported this line yet. */
    boolean reported(String line) {
        synchronized (reports) {
            return reports.contains(line);
        }
    }

    /** The first report starting with {@code prefix}, without the prefix. */
    java.util.Optional<String> report(String prefix) {
        synchronized (reports) {
            return reports.stream().filter(r -> r.startsWith(prefix)).map(r -> r.substring(prefix.length()))
                    .findFirst();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private void pump(Path log, String name) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                if (line.startsWith(BenchWorker.REPORT)) {
                    String report = line.substring(BenchWorker.REPORT.length());
                    synchronized (reports) {
                        reports.add(report);
                    }
                    System.out.println("  [" + name + "] " + report);
                }
            }
        } catch (IOException e) {
            // The pipe closes when the process is killed; what was logged so far is kept.
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL on Linux and macOS: the worker gets no chance to finish a send or a transaction. */
    void kill() {
        process.destroyForcibly();
    }

    /** Waits for the process and its output; returns its exit code (128 + signal when a signal ended it). */
    int waitFor() throws InterruptedException {
        int exit = process.waitFor();
        pump.join();
        return exit;
    }

    /** The rows a resuming worker found in 'sending', if it reported them. */
    OptionalInt foundSending() {
        synchronized (reports) {
            return reports.stream().filter(r -> r.startsWith(BenchWorker.FOUND_SENDING))
                    .mapToInt(r -> Integer.parseInt(r.substring(BenchWorker.FOUND_SENDING.length()))).findFirst();
        }
    }
}
