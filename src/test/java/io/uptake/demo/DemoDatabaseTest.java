package io.uptake.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Demo mode refuses a database that holds real data, and re-uses its own seeded database without seeding again. */
class DemoDatabaseTest {

    @Test
    void refusesToStartOnADatabaseWithRealPeopleAndLeavesItAlone() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "demo-real-");
        Map<String, Object> settings = DemoContexts.settings(dir);
        try (ApplicationContext real = ApplicationContext.run(Map.of("datasources.default.url",
                settings.get("datasources.default.url")), "test")) {
            execute(real, "INSERT INTO person (email, created_at, updated_at) VALUES ('someone@real.example', 0, 0)");
        }
        assertThatThrownBy(() -> DemoContexts.start(dir)).satisfies(e -> assertThat(rootMessage(e))
                .contains("this database holds data that no demo put there").contains("people=1")
                .contains("UPTAKE_DATABASE_URL"));
        try (ApplicationContext again = ApplicationContext.run(Map.of("datasources.default.url",
                settings.get("datasources.default.url")), "test")) {
            assertThat(count(again, "SELECT COUNT(*) FROM person")).isEqualTo(1);
            assertThat(count(again, "SELECT COUNT(*) FROM demo_marker")).isZero();
        }
    }

    @Test
    void refusesToOverwriteAProgrammesFileItDidNotWrite() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "demo-file-");
        Path file = dir.resolve("demo-programmes.yaml");
        Files.writeString(file, "programmes: []\n");
        assertThatThrownBy(() -> DemoContexts.start(dir)).satisfies(e -> assertThat(rootMessage(e))
                .contains("was not written by the demo"));
        assertThat(Files.readString(file)).isEqualTo("programmes: []\n");
    }

    @Test
    void reusesItsSeededDatabaseWithoutSeedingAgain() throws Exception {
        EmbeddedServer seeded = SeededDemo.server();
        DemoMarker before = seeded.getApplicationContext().getBean(DemoDatabase.class).marker().orElseThrow();
        long people = count(seeded.getApplicationContext(), "SELECT COUNT(*) FROM person");
        long messages = count(seeded.getApplicationContext(), "SELECT COUNT(*) FROM outbox");
        long started = System.nanoTime();
        try (EmbeddedServer again = DemoContexts.start(SeededDemo.dir())) {
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertThat(seconds).as("start on a seeded demo database").isLessThan(30);
            assertThat(again.getApplicationContext().getBean(DemoDatabase.class).marker()).contains(before);
            assertThat(count(again.getApplicationContext(), "SELECT COUNT(*) FROM person")).isEqualTo(people);
            assertThat(count(again.getApplicationContext(), "SELECT COUNT(*) FROM outbox")).isEqualTo(messages);
            assertThat(again.getApplicationContext().getBean(io.uptake.chat.web.WebDirectory.class).users())
                    .hasSizeGreaterThan(150);
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static void execute(ApplicationContext context, String sql) throws Exception {
        try (Connection c = data(context).getConnection()) {
            c.createStatement().executeUpdate(sql);
        }
    }

    static long count(ApplicationContext context, String sql) throws Exception {
        try (Connection c = data(context).getConnection(); ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static DataSource data(ApplicationContext context) {
        return DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
    }
}
