package io.uptake.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * On PostgreSQL the figures' version is the database's: it moves on when a write to a figure table commits, once
 * per transaction, and never for a write no one can see yet, one rolled back, or one to another table.
 */
class FigureVersionPostgresTest {

    private final String schema = "uptake_figure_version_" + Long.toHexString(System.nanoTime());
    private final String url = MigrationsTest.PG_URL + "?currentSchema=" + schema;
    private Connection admin;
    private FigureVersion version;

    @BeforeEach
    void migrateAFreshSchema() throws SQLException {
        admin = MigrationsTest.postgresOrSkip();
        Flyway.configure().dataSource(MigrationsTest.PG_URL, MigrationsTest.PG_USER, "")
                .locations("classpath:migrations").placeholders(MigrationPlaceholders.POSTGRES)
                .schemas(schema).defaultSchema(schema).createSchemas(true).load().migrate();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(MigrationsTest.PG_USER);
        version = new FigureVersion(() -> dataSource);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = admin) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void aWriteMovesTheVersionOnOnlyWhenItCommitsAndOncePerTransaction() throws SQLException {
        long before = version.current();
        try (Connection writer = writer()) {
            addPeople(writer, "a", "b", "c");
            try (Statement s = writer.createStatement()) {
                s.executeUpdate("UPDATE person SET display_name = 'A' WHERE email = 'a@example.com'");
            }

            assertThat(version.current()).isEqualTo(before);

            writer.commit();
        }

        assertThat(version.current()).isEqualTo(before + 1);
    }

    @Test
    void aWriteRolledBackLeavesTheVersion() throws SQLException {
        long before = version.current();
        try (Connection writer = writer()) {
            addPeople(writer, "a");
            writer.rollback();
        }

        assertThat(version.current()).isEqualTo(before);
    }

    @Test
    void aWriteToATableNoFigureReadsLeavesTheVersion() throws SQLException {
        long before = version.current();
        try (Connection writer = writer(); Statement s = writer.createStatement()) {
            s.executeUpdate("INSERT INTO oauth_state (state, expires_at) VALUES ('s1', CURRENT_TIMESTAMP)");
            writer.commit();
        }

        assertThat(version.current()).isEqualTo(before);
    }

    @Test
    void aWriterHoldsTheVersionRowOnlyWhileItCommitsSoAnotherWriterNeverWaitsForItsTransaction()
            throws SQLException {
        long before = version.current();
        try (Connection first = writer(); Connection second = writer()) {
            addPeople(first, "a");
            // Had the first writer taken the version row at its write, this would wait for its commit (and
            // fail after the lock timeout); two writers that then each touched the other's rows would deadlock.
            addPeople(second, "b");
            second.commit();
            first.commit();
        }

        assertThat(version.current()).isEqualTo(before + 2);
    }

    @Test
    void emptyingAFigureTableMovesTheVersion() throws SQLException {
        try (Connection writer = writer()) {
            addPeople(writer, "a");
            writer.commit();
        }
        long before = version.current();
        try (Connection writer = writer(); Statement s = writer.createStatement()) {
            s.execute("TRUNCATE usage_event");
            writer.commit();
        }

        assertThat(version.current()).isEqualTo(before + 1);
    }

    @Test
    void everyFigureTableAndNoOtherHasTheTrigger() throws SQLException {
        Set<String> watched = new TreeSet<>();
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = '%s' AND t.tgname LIKE 'figure_version_%%' AND t.tgdeferrable
                """.formatted(schema))) {
            while (rs.next()) {
                watched.add(rs.getString(1));
            }
        }

        assertThat(watched).isEqualTo(new TreeSet<>(FigureTables.NAMES));
    }

    private Connection writer() throws SQLException {
        Connection c = DriverManager.getConnection(url, MigrationsTest.PG_USER, "");
        try (Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '5s'");
        }
        c.setAutoCommit(false);
        return c;
    }

    private static void addPeople(Connection c, String... names) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.executeUpdate("INSERT INTO person (email, created_at, updated_at) VALUES ('" + name
                        + "@example.com', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
        }
    }
}
