package io.uptake.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.uptake.message.OwnerAlert;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The edits of one message reach the platform newest-only, in order and one at a time, on SQLite and on
 * PostgreSQL: the dispatcher runs four sends at once here, as it does in production.
 */
class EditOrderTest {

    static final String PG_URL = System.getenv().getOrDefault("UPTAKE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getenv().getOrDefault("UPTAKE_TEST_POSTGRES_USER", "postgres");

    private ApplicationContext context;
    private Connection admin;
    private String schema;

    @Test
    void editsGoOutNewestOnlyAndInOrderOnSqlite() {
        context = ApplicationContext.run(settings(Map.of()), "test");
        editsGoOutNewestOnlyAndInOrder();
    }

    @Test
    void editsGoOutNewestOnlyAndInOrderOnPostgres() throws SQLException {
        try {
            admin = DriverManager.getConnection(PG_URL, PG_USER, "");
        } catch (SQLException e) {
            String message = "SKIPPED: no PostgreSQL reachable at " + PG_URL + " (" + e.getMessage() + ")";
            System.err.println(message);
            Assumptions.abort(message);
        }
        schema = "uptake_edits_" + Long.toHexString(System.nanoTime());
        admin.createStatement().execute("CREATE SCHEMA " + schema);
        context = ApplicationContext.run(settings(Map.of("datasources.default.url", PG_URL + "?currentSchema=" + schema,
                "datasources.default.username", PG_USER)), "test");
        editsGoOutNewestOnlyAndInOrder();
    }

    @Test
    void aNewerEditWaitsWhileAnOlderOneIsBeingSentOnSqlite() {
        context = ApplicationContext.run(settings(Map.of()), "test");
        MessageAddress original = sentOriginal();
        EditOrder order = context.getBean(EditOrder.class);
        Outbox outbox = context.getBean(Outbox.class);
        Instant now = context.getBean(MutableClock.class).instant();

        int first = outbox.enqueueEdit("test", original, null, alert("first"), null);
        assertThat(order.take(original.id(), first, now)).isEqualTo(EditOrder.Turn.SEND);
        int second = outbox.enqueueEdit("test", original, null, alert("second"), null);

        assertThat(order.take(original.id(), second, now)).as("the first edit is still on its way")
                .isEqualTo(EditOrder.Turn.WAIT);
        order.finish(original.id(), first, true);
        assertThat(order.take(original.id(), second, now)).isEqualTo(EditOrder.Turn.SEND);
        assertThat(order.take(original.id(), first, now)).isEqualTo(EditOrder.Turn.SUPERSEDED);
    }

    private void editsGoOutNewestOnlyAndInOrder() {
        MessageAddress original = sentOriginal();
        Outbox outbox = context.getBean(Outbox.class);
        Dispatcher dispatcher = context.getBean(Dispatcher.class);
        RecordingGateway slack = context.getBean(RecordingGateway.class, Qualifiers.byName("slack"));
        slack.clear();

        outbox.enqueueEdit("test", original, null, alert("edit 1"), null);
        slack.answerNext(new SendResult.Failed("HTTP 503"));
        dispatcher.dispatchDue();
        for (int i = 2; i <= 5; i++) {
            outbox.enqueueEdit("test", original, null, alert("edit " + i), null);
        }
        DispatchReport burst = dispatcher.dispatchDue();
        context.getBean(MutableClock.class).advance(Duration.ofMinutes(10));
        DispatchReport later = dispatcher.dispatchDue();

        assertThat(slack.calls()).extracting(c -> ((OwnerAlert) c.envelope().message()).reasons().get(0))
                .as("edit 1 failed; of the four queued together only the newest went; edit 1 never again")
                .containsExactly("edit 1", "edit 5");
        assertThat(burst.sent()).isEqualTo(1);
        assertThat(later.sent()).isZero();
        // Edit 1 is dropped in whichever pass finds it due again, depending on its retry's jitter.
        assertThat(burst.superseded() + later.superseded()).isEqualTo(4);
        OutboxRepository rows = context.getBean(OutboxRepository.class);
        assertThat(rows.findByDedupeKey("test:" + original.id() + ":5").orElseThrow().status())
                .isEqualTo(OutboxRow.SENT);
        for (int i = 1; i <= 4; i++) {
            assertThat(rows.findByDedupeKey("test:" + original.id() + ":" + i).orElseThrow().status())
                    .isEqualTo(OutboxRow.CANCELLED);
        }
    }

    /** A message sent to one person, which the test then edits. */
    private MessageAddress sentOriginal() {
        Outbox outbox = context.getBean(Outbox.class);
        outbox.enqueue(new NewMessage("alert:original", Platform.SLACK, "T1", "U1",
                null, alert("original"), context.getBean(MutableClock.class).instant(), null, null, null));
        context.getBean(Dispatcher.class).dispatchDue();
        OutboxRow row = outbox.find("alert:original").orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxRow.SENT);
        return row.address();
    }

    private static OwnerAlert alert(String text) {
        return new OwnerAlert("Claims triage", "2026-W47", List.of(text));
    }

    private static Map<String, Object> settings(Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.put("micronaut.server.port", -1);
        settings.put("uptake.delivery.concurrency", 4);
        return settings;
    }

    @AfterEach
    void closeServiceThenDropSchema() throws SQLException {
        if (context != null) {
            context.close();
        }
        if (admin != null) {
            try (Connection c = admin) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
