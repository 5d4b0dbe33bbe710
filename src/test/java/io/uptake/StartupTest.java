package io.uptake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class StartupTest {
    @Inject
    DataSource dataSource;

    @Test
    void migrationsCreateTheDomainTables() throws Exception {
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                var rs = c.createStatement().executeQuery("select count(*) from outbox")) {
            assertThat(rs.next()).isTrue();
        }
    }
}
