package io.uptake.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Counts the statuses one endpoint answered, and writes them to {@code target/fuzz/<endpoint>.txt}. */
final class StatusTally {

    private final String endpoint;
    private final Map<Integer, Long> counts = new ConcurrentHashMap<>();

    StatusTally(String endpoint) {
        this.endpoint = endpoint;
    }

    void add(int status) {
        counts.merge(status, 1L, Long::sum);
    }

    void write() {
        Map<Integer, Long> sorted = new TreeMap<>(counts);
        long total = sorted.values().stream().mapToLong(Long::longValue).sum();
        String line = endpoint + "\t" + total + "\t" + sorted.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        try {
            Path dir = Path.of("target", "fuzz");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(endpoint.replaceAll("[^A-Za-z0-9]+", "_") + ".txt"), line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("fuzz " + line);
    }
}
