package io.uptake.storage;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Wraps SQLite data sources in {@link ReadOnlyTolerantDataSource} before Micronaut Data wraps them in turn.
 */
@Singleton
final class SqliteReadOnlyAdapter implements BeanCreatedEventListener<DataSource>, Ordered {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        if (dataSource instanceof ReadOnlyTolerantDataSource || !isSqlite(dataSource)) {
            return dataSource;
        }
        return new ReadOnlyTolerantDataSource(dataSource);
    }

    private static boolean isSqlite(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "SQLite".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            // The migration step will report an unreachable database with its real cause.
            return false;
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
