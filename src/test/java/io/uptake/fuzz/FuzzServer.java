package io.uptake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A running service for fuzzing: posts raw bytes over real HTTP and checks what every answer must satisfy, and
 * counts the rows of every table so a refused request can be shown to have stored nothing.
 */
final class FuzzServer implements AutoCloseable {

    /** One answer. */
    record Answer(int status, String body) {
    }

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DataSource data;

    FuzzServer(Map<String, Object> properties) {
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        data = DelegatingDataSource.unwrapDataSource(server.getApplicationContext().getBean(DataSource.class));
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    Answer post(String path, String contentType, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What every answer must be: not a server error, and no stack trace or exception name in its body. */
    static void assertSound(Answer answer, String what) {
        assertThat(answer.status()).as("status for %s; body %s", what, cut(answer.body())).isLessThan(500);
        assertThat(answer.body()).as("body for %s", what).doesNotContain("\tat ", "Exception", ".java:");
    }

    /** The service still answers its health check. */
    void assertHealthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.getPort() + "/health")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("health: %s", response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Rows in every table of the service's own schema, in one number. */
    long rows() {
        try (Connection connection = data.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (result.next()) {
                    String name = result.getString("TABLE_NAME");
                    if (!name.startsWith("flyway") && !name.startsWith("sqlite")) {
                        tables.add(name);
                    }
                }
            }
            long total = 0;
            try (Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                        count.next();
                        total += count.getLong(1);
                    }
                }
            }
            return total;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private static String cut(String text) {
        return text == null || text.length() < 400 ? text : text.substring(0, 400) + "…";
    }
}
