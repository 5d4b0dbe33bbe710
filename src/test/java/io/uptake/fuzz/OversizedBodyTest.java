package io.uptake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body over the 1 MB limit is refused with a 413 that the client actually reads, whether it sends the whole
 * body first (as most HTTP clients do) or streams it in chunks: the server reads the rest of the body, or closes
 * the connection only after answering, instead of resetting it mid-upload.
 */
@MicronautTest(transactional = false)
@Property(name = "uptake.admin-token", value = OversizedBodyTest.TOKEN)
@Property(name = "uptake.slack.signing-secret", value = "8f742231b10e8888abcd99yyyzzz85a5")
@Property(name = "uptake.slack.bot-token", value = "xoxb-test")
@Property(name = "uptake.slack.api-url", value = "http://127.0.0.1:9/api/")
@Property(name = "uptake.teams.insecure-local", value = "true")
class OversizedBodyTest {

    static final String TOKEN = "test-admin-token-0123456789";

    @Inject
    EmbeddedServer server;

    @ParameterizedTest
    @ValueSource(strings = {"/slack/events", "/api/messages", "/api/v1/usage-events"})
    void aTwoMegabyteBodyGetsA413TheClientReads(String path) throws Exception {
        byte[] body = ("{\"type\":\"event_callback\",\"x\":\"" + "a".repeat(4_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.getPort() + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/slack/events", "/api/messages", "/api/v1/usage-events"})
    void aClientThatWritesTheWholeBodyBeforeReadingGetsThe413(String path) throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        int chunks = 64;
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\nContent-Length: " + (chunk.length * chunks)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < chunks; i++) {
                out.write(chunk);
            }
            out.flush();

            assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }
}
