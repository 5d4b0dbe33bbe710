package io.uptake.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads and writes the demo's marker, and tells a database that holds someone's real data from an empty one or a
 * demo's, so demo mode never seeds fictional people into a real organisation's figures.
 */
@Singleton
@Requires(property = "uptake.demo", value = "true")
class DemoDatabase {

    /**
     * What any real use leaves, read through the read models of the packages that own it: people, programmes
     * (from any programmes file ever loaded) and usage.
     */
    private static final Map<String, String> REAL_DATA = Map.of("people", "read_person_name", "programmes",
            "read_programme", "usage events", "read_usage_day");

    private final DataSource data;

    DemoDatabase(DataSource data) {
        this.data = DelegatingDataSource.unwrapDataSource(data);
    }

    Optional<DemoMarker> marker() {
        String sql = "SELECT seed, first_monday, weeks, started_at, seeded_at FROM demo_marker WHERE id = 1";
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet row = s.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            long seededAt = row.getLong(5);
            boolean unfinished = row.wasNull();
            return Optional.of(new DemoMarker(row.getLong(1), LocalDate.parse(row.getString(2)), row.getInt(3),
                    Instant.ofEpochMilli(row.getLong(4)), unfinished ? null : Instant.ofEpochMilli(seededAt)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the demo marker", e);
        }
    }

    /** Rows in the read models real use fills, by name; all zero for an empty database. */
    Map<String, Long> realData() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = data.getConnection()) {
            for (String what : new java.util.TreeSet<>(REAL_DATA.keySet())) {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + REAL_DATA.get(what))) {
                    ResultSet row = s.executeQuery();
                    row.next();
                    counts.put(what, row.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database to check it holds no real data", e);
        }
        return counts;
    }

    void begin(DemoMarker marker) {
        update("INSERT INTO demo_marker (id, seed, first_monday, weeks, started_at) VALUES (1, ?, ?, ?, ?)",
                marker.seed(), marker.firstMonday().toString(), marker.weeks(), marker.startedAt().toEpochMilli());
    }

    void finish(Instant at) {
        update("UPDATE demo_marker SET seeded_at = ? WHERE id = 1", at.toEpochMilli());
    }

    private void update(String sql, Object... values) {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the demo marker", e);
        }
    }
}
