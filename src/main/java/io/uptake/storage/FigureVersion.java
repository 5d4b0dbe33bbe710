package io.uptake.storage;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The version of the data the figures are computed from: it moves on after every committed write to one of the
 * {@link FigureTables}, so a scorecard computed at one version is the truth for as long as the version stands.
 *
 * <p>Read it before computing and keep the result under the version read: a write committed while computing
 * moves the version on, so that result is never served after it.
 *
 * <p>On PostgreSQL, where several nodes share one database, the version is the row {@code figure_version}, moved on
 * by triggers as each write to a figure table commits (migration V13 says how), so a write through any node is seen
 * by every node's next read. On SQLite (one node) it is a counter in this process, moved on by
 * {@link FigureWatchingDataSource}.
 */
@Singleton
public final class FigureVersion {

    private final AtomicLong version = new AtomicLong();
    // A provider: the data source is wrapped by WatchFigureWrites, which needs this bean first. Read on a
    // connection of its own, outside any transaction the caller is in, so it sees what is committed.
    private final Provider<DataSource> dataSource;
    private volatile Boolean shared;

    FigureVersion(Provider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    public long current() {
        if (Boolean.FALSE.equals(shared)) {
            return version.get();
        }
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource.get()).getConnection();
                Statement statement = connection.createStatement()) {
            if (shared == null) {
                shared = !"SQLite".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
                if (!shared) {
                    return version.get();
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT version FROM figure_version WHERE id = 1")) {
                if (!row.next()) {
                    throw new IllegalStateException("figure_version has no row: migration V13 did not run");
                }
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the figures' version: " + e.getMessage(), e);
        }
    }

    void bump() {
        version.incrementAndGet();
    }
}
