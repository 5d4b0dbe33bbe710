package io.uptake.api;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;

/**
 * Reports on {@code /health} whether the database answers a query. Unlike the stock JDBC indicator it never
 * shows the connection URL, which may carry credentials.
 */
@Singleton
final class DatabaseHealthIndicator implements HealthIndicator {

    private final DataSource dataSource;

    DatabaseHealthIndicator(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            DatabaseMetaData meta = connection.getMetaData();
            return Publishers.just(HealthResult.builder("database", HealthStatus.UP)
                    .details(Map.of("product", meta.getDatabaseProductName(),
                            "version", meta.getDatabaseProductVersion()))
                    .build());
        } catch (SQLException e) {
            return Publishers.just(HealthResult.builder("database", HealthStatus.DOWN)
                    .details(Map.of("error", "the database did not answer: " + e.getClass().getSimpleName()))
                    .build());
        }
    }
}
