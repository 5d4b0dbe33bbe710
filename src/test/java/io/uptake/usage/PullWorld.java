package io.uptake.usage;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.uptake.people.DirectoryRead;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * The world the pull tests run in: a programmes file whose workflows read their use from GitHub Copilot (one only
 * its code_review feature, one any feature) and from a ChatGPT export's CSV profile, and what the database holds,
 * read through the read models other features read.
 */
final class PullWorld {

    static final String ANA = "ana@example.com";
    static final String BO = "bo@example.com";
    static final String CY = "cy@example.com";

    static final String FILE = """
            programmes:
              - id: eng-ai
                name: Engineering assistants
                sponsor: cto@example.com
                workflows:
                  - id: coding
                    owner: lee@example.com
                    audience: { emails: [ana@example.com, bo@example.com, cy@example.com] }
                    usage: { source: github-copilot }
                  - id: code-review
                    owner: lee@example.com
                    audience: { emails: [ana@example.com, bo@example.com, cy@example.com] }
                    usage: { source: github-copilot, features: [code_review] }
                  - id: drafting
                    owner: lee@example.com
                    audience: { emails: [ana@example.com, bo@example.com, cy@example.com] }
                    usage: { source: csv:chatgpt, features: [gpt-4o] }
            github-logins: { bo@example.com: Bo-Dev }
            csv-profiles:
              chatgpt: { person: Email, day: Date, day-format: MM/dd/yyyy, count: Messages, feature: Model }
              gemini: { person: User, day: Day }
            """;

    private PullWorld() {
    }

    static Path programmesFile() {
        try {
            Path path = Files.createTempFile("programmes", ".yml");
            path.toFile().deleteOnExit();
            Files.writeString(path, FILE);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the audiences' people to be made, as the endpoints do. */
    static void ready(ApplicationContext context) {
        if (!context.getBean(DirectoryRead.class).awaitFirstRead()) {
            throw new IllegalStateException("the directory was not read in time");
        }
    }

    static SourceActivity byEmail(String email, LocalDate day, String feature, int count) {
        return new SourceActivity(email, null, day, feature, count, false);
    }

    static SourceActivity byLogin(String login, LocalDate day, String feature, int count) {
        return new SourceActivity(null, login, day, feature, count, false);
    }

    static SourceActivity passive(String email, LocalDate day, String feature) {
        return new SourceActivity(email, null, day, feature, 1, true);
    }

    static SourcePull pulled(LocalDate through, SourceActivity... activity) {
        return new SourcePull(List.of(activity), through, false, List.of());
    }

    /** Every telemetry row as {@code workflow email day count}, sorted, from {@code read_usage_day}. */
    static List<String> usageDays(ApplicationContext context) {
        Map<Long, String> emails = StreamSupport.stream(context.getBean(PersonRepository.class).findAll()
                .spliterator(), false).filter(p -> p.email() != null)
                .collect(Collectors.toMap(PersonRow::id, PersonRow::email));
        List<String> rows = new ArrayList<>();
        query(context, "SELECT workflow_id, person_id, day, count FROM read_usage_day WHERE source = 'telemetry'",
                rs -> rows.add(rs.getString(1) + " " + emails.get(rs.getLong(2)) + " "
                        + rs.getDate(3).toLocalDate() + " " + rs.getInt(4)));
        rows.sort(null);
        return rows;
    }

    /** A source's row of {@code read_usage_source}: delivered_through, last_error, anonymised, last_stored. */
    static List<String> source(ApplicationContext context, String source) {
        List<String> row = new ArrayList<>();
        query(context, "SELECT delivered_through, last_error, anonymised, last_stored, last_attempt_at, "
                + "last_success_at FROM read_usage_source WHERE source = '" + source + "'", rs -> {
                    row.add(String.valueOf(rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate()));
                    row.add(String.valueOf(rs.getString(2)));
                    row.add(String.valueOf(rs.getBoolean(3)));
                    row.add(String.valueOf(rs.getInt(4)));
                    row.add(String.valueOf(rs.getObject(5) != null));
                    row.add(String.valueOf(rs.getObject(6) != null));
                });
        return row;
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    static void query(ApplicationContext context, String sql, RowReader reader) {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
