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
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A running service for fuzzing: posts raw bytes over real HTTP and checks what every answer must satisfy, and
 * shows that a refused request stored nothing.
 *
 * <p>"Nothing stored" is checked on every case, cheaply: the harness holds its own connection to the service's
 * SQLite file and reads {@code PRAGMA data_version}, which changes whenever another connection commits. No commit
 * during a request means nothing was stored. Only when something was committed are the rows of every table counted
 * (one statement) and compared with the count before, so a request that stores and removes the same row (a retry
 * key taken and given back) still passes, as it did when every case counted every table.
 */
final class FuzzServer implements AutoCloseable {

    /** One answer. */
    record Answer(int status, String body) {
    }

    /** Where the database stood before a request: the data version seen, and the rows then. */
    record Mark(long version, long rows) {
    }

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Connection watcher;
    private final PreparedStatement dataVersion;
    private final PreparedStatement countRows;
    private Mark last = new Mark(Long.MIN_VALUE, -1);

    FuzzServer(Map<String, Object> properties) {
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        DataSource data = DelegatingDataSource.unwrapDataSource(server.getApplicationContext()
                .getBean(DataSource.class));
        try {
            String url;
            List<String> tables = new ArrayList<>();
            try (Connection connection = data.getConnection()) {
                url = connection.getMetaData().getURL();
                try (ResultSet result = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                    while (result.next()) {
                        String name = result.getString("TABLE_NAME");
                        if (!name.startsWith("flyway") && !name.startsWith("sqlite")) {
                            tables.add(name);
                        }
                    }
                }
            }
            if (!url.startsWith("jdbc:sqlite:") || tables.isEmpty()) {
                throw new IllegalStateException("the fuzz harness expects the service's SQLite file, found " + url
                        + " with tables " + tables);
            }
            watcher = DriverManager.getConnection(url);
            dataVersion = watcher.prepareStatement("PRAGMA data_version");
            countRows = watcher.prepareStatement("SELECT " + tables.stream()
                    .map(t -> "(SELECT COUNT(*) FROM \"" + t + "\")").collect(Collectors.joining(" + ")));
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException(e);
        }
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

    /**
     * Where the database stands now. The version is read before the rows are counted, so a commit between the two
     * makes the next mark count again rather than trust a count that missed it.
     */
    Mark mark() {
        long version = dataVersion();
        if (version != last.version()) {
            last = new Mark(version, rows());
        }
        return last;
    }

    /** Nothing was stored since the mark: no commit at all, or the same rows in every table put together. */
    void assertNothingStoredSince(Mark before, String what) {
        if (dataVersion() == before.version()) {
            return;
        }
        assertThat(rows()).as("rows after %s", what).isEqualTo(before.rows());
    }

    /** Rows in every table of the service's own schema, in one number. */
    long rows() {
        try (ResultSet count = countRows.executeQuery()) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long dataVersion() {
        try (ResultSet version = dataVersion.executeQuery()) {
            version.next();
            return version.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (SQLException e) {
            // The service's own file is about to go with it.
        } finally {
            server.close();
        }
    }

    private static String cut(String text) {
        return text == null || text.length() < 400 ? text : text.substring(0, 400) + "…";
    }
}
