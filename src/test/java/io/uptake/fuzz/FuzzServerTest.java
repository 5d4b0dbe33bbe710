package io.uptake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The harness's "nothing stored" check itself: it must see a stored row, whichever way it was stored. */
class FuzzServerTest {

    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + AdminApiFuzzTest.TOKEN);
    private static FuzzServer server;

    @BeforeAll
    static void start() throws IOException {
        Path file = Files.createTempFile("fuzz-programmes", ".yml");
        Files.writeString(file, AdminApiFuzzTest.CATALOG);
        server = new FuzzServer(Map.of("uptake.admin-token", AdminApiFuzzTest.TOKEN, "uptake.catalog",
                file.toString()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBatchStoredThroughTheApiIsSeen() {
        FuzzServer.Mark before = server.mark();

        FuzzServer.Answer answer = server.post("/api/v1/usage-events", "application/json", AUTH, batch("stored"));

        assertThat(answer.status()).isEqualTo(201);
        assertThatThrownBy(() -> server.assertNothingStoredSince(before, "a stored batch"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("rows after a stored batch");
    }

    @Test
    void aRefusedBatchPasses() {
        FuzzServer.Mark before = server.mark();

        FuzzServer.Answer answer = server.post("/api/v1/usage-events", "application/json", AUTH,
                "{\"batch\":\"refused\",\"events\":[{]}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThatCode(() -> server.assertNothingStoredSince(before, "a refused batch")).doesNotThrowAnyException();
    }

    @Test
    void aRowWrittenOnAnotherConnectionOfTheServiceIsSeen() throws SQLException {
        FuzzServer.Mark before = server.mark();

        sql("INSERT INTO inbound_seen (dedupe_key, received_at) VALUES ('fuzz-self-test-kept', 0)");

        assertThatThrownBy(() -> server.assertNothingStoredSince(before, "a direct insert"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aRowStoredAndRemovedAgainLeavesNothingStored() throws SQLException {
        FuzzServer.Mark before = server.mark();

        sql("INSERT INTO inbound_seen (dedupe_key, received_at) VALUES ('fuzz-self-test-undone', 0)");
        sql("DELETE FROM inbound_seen WHERE dedupe_key = 'fuzz-self-test-undone'");

        assertThatCode(() -> server.assertNothingStoredSince(before, "a row stored and removed"))
                .doesNotThrowAnyException();
    }

    @Test
    void aMarkTakenAfterAStoreCountsTheNewRows() {
        server.post("/api/v1/usage-events", "application/json", AUTH, batch("counted"));
        FuzzServer.Mark after = server.mark();

        assertThat(after.rows()).isEqualTo(server.rows());
    }

    private static byte[] batch(String key) {
        return ("{\"batch\":\"" + key + "\",\"events\":[{\"workflow\":\"claims-triage\",\"email\":\"ana@example.com\","
                + "\"day\":\"2026-11-20\",\"count\":3}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static void sql(String statement) throws SQLException {
        DataSource data = DelegatingDataSource.unwrapDataSource(server.context().getBean(DataSource.class));
        try (Connection connection = data.getConnection(); Statement update = connection.createStatement()) {
            update.executeUpdate(statement);
        }
    }
}
