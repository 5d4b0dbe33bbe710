package io.uptake.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Quartz's way into the application's connection pool. The pool belongs to the application context, which closes
 * it; Quartz stopping only lets go of it, so the JVM-wide registry Quartz keeps does not hold a closed pool alive.
 */
final class ApplicationConnections implements ConnectionProvider {

    private final AtomicReference<DataSource> dataSource;

    ApplicationConnections(DataSource dataSource) {
        this.dataSource = new AtomicReference<>(dataSource);
    }

    @Override
    public Connection getConnection() throws SQLException {
        DataSource pool = dataSource.get();
        if (pool == null) {
            throw new SQLException("The scheduler has stopped; it no longer uses the application's database");
        }
        return pool.getConnection();
    }

    @Override
    public void shutdown() {
        dataSource.set(null);
    }

    @Override
    public void initialize() {
        // The application's pool is ready before any scheduler is made.
    }
}
