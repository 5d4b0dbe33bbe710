package io.uptake.demo;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One demo seeded with a short year for every test of this JVM that only reads it or acts in its open rounds:
 * seeding is the slow part, so it happens once. Closed when the JVM ends.
 */
public final class SeededDemo {

    private static EmbeddedServer server;
    private static Path dir;

    private SeededDemo() {
    }

    /** The running demo, seeding it on first use. */
    public static synchronized EmbeddedServer server() {
        if (server == null) {
            try {
                dir = Files.createTempDirectory(Path.of("target"), "demo-seeded-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = DemoContexts.start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** The directory holding its database and programmes file. */
    public static synchronized Path dir() {
        server();
        return dir;
    }

    public static String url(String path) {
        return "http://127.0.0.1:" + server().getPort() + path;
    }
}
