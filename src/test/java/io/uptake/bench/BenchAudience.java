package io.uptake.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.uptake.catalog.Audience;
import io.uptake.catalog.Catalog;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.catalog.Programme;
import io.uptake.catalog.Pulse;
import io.uptake.catalog.Question;
import io.uptake.catalog.Schedule;
import io.uptake.catalog.Stage;
import io.uptake.catalog.SyncCatalog;
import io.uptake.catalog.Workflow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * The benchmark's audience: one workflow whose pulse goes to N people listed by email, each reachable on Slack, in one
 * workspace or spread in turn over several.
 */
final class BenchAudience {

    static final String PULSE = "bench-weekly";
    static final String TENANT = "T0BENCH";

    private final List<String> emails;
    private final int workspaces;

    BenchAudience(int size) {
        this(size, 1);
    }

    BenchAudience(int size, int workspaces) {
        this.emails = IntStream.rangeClosed(1, size).mapToObj(BenchAudience::email).toList();
        this.workspaces = workspaces;
    }

    /** The Slack workspace of person {@code n}: {@link #TENANT}, or with several, TENANT0, TENANT1, ... in turn. */
    String tenant(int n) {
        return workspaces == 1 ? TENANT : TENANT + (n % workspaces);
    }

    static String email(int n) {
        return String.format("p%05d@bench.example", n);
    }

    /** The Slack user id the fake platform sees for person {@code n}. */
    static String userId(int n) {
        return String.format("UB%05d", n);
    }

    /** Declares the programme, workflow and pulse, then adds the people and their Slack identities. */
    void declare(ApplicationContext context) throws SQLException {
        context.getBean(SyncCatalog.class).sync(catalog(true));
        insertPeople(DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)));
    }

    /**
     * Retires the pulse once its round is open. A restarted service catches up on a scheduled round it missed
     * ({@code PulseSchedules}); with the pulse still active, a restart near its weekly time would open a second
     * round on top of the one being measured. The open round and its outbox are not touched.
     */
    void retirePulse(ApplicationContext context) {
        context.getBean(SyncCatalog.class).sync(catalog(false));
    }

    private Catalog catalog(boolean withPulse) {
        Workflow workflow = new Workflow("bench-flow", "bench", "Benchmark workflow", Stage.PILOT,
                Optional.of(LocalDate.parse("2026-01-05")), "owner@example.com", new Audience.Emails(emails),
                emails.size(), Optional.empty(), Optional.empty(), Optional.empty());
        Pulse pulse = new Pulse(PULSE, workflow.id(), new Schedule(Set.of(DayOfWeek.TUESDAY), LocalTime.of(10, 0),
                Optional.empty()), List.of(Question.USAGE, Question.TRUST), Pulse.Mode.CONFIDENTIAL,
                Duration.ofHours(24), 1, Duration.ofHours(72));
        return new Catalog(List.of(new Programme("bench", "Benchmark", "sponsor@example.com", List.of(workflow))),
                withPulse ? List.of(pulse) : List.of(), CheckinPolicy.DEFAULT, List.of());
    }

    /** Plain JDBC in one transaction: ten thousand repository saves would take longer than the round itself. */
    private void insertPeople(DataSource dataSource) throws SQLException {
        long now = System.currentTimeMillis();
        try (Connection c = dataSource.getConnection();
                PreparedStatement person = c.prepareStatement(
                        "INSERT INTO person (email, time_zone, created_at, updated_at) VALUES (?, 'UTC', ?, ?)");
                PreparedStatement identity = c.prepareStatement("""
                     INSERT INTO chat_identity (person_id, platform, tenant_id, user_id, created_at, updated_at)
                     SELECT id, 'slack', ?, ?, ?, ? FROM person WHERE email = ?""")) {
            c.setAutoCommit(false);
            // SQLite keeps instants as epoch milliseconds, PostgreSQL as timestamps (the cluster benchmark's).
            Object at = "SQLite".equalsIgnoreCase(c.getMetaData().getDatabaseProductName()) ? (Object) now
                    : new java.sql.Timestamp(now);
            for (int n = 1; n <= emails.size(); n++) {
                person.setString(1, email(n));
                person.setObject(2, at);
                person.setObject(3, at);
                person.addBatch();
                identity.setString(1, tenant(n));
                identity.setString(2, userId(n));
                identity.setObject(3, at);
                identity.setObject(4, at);
                identity.setString(5, email(n));
                identity.addBatch();
            }
            person.executeBatch();
            identity.executeBatch();
            c.commit();
        }
    }
}
