package io.uptake.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@link DatabaseUrl} to the configured data source before the pool is built. */
@Singleton
final class DataSourceUrlNormaliser implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(DataSourceUrlNormaliser.class);

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        DatabaseUrl url = DatabaseUrl.of(config.getConfiguredUrl());
        config.setUrl(url.jdbcUrl());
        config.setJdbcUrl(url.jdbcUrl());
        if (url.driverClassName() != null) {
            config.setDriverClassName(url.driverClassName());
        }
        if (url.sqlite()) {
            // SQLite allows one writer; a small pool keeps readers concurrent without queueing writers for long.
            config.setMaximumPoolSize(Math.min(config.getMaximumPoolSize(), 8));
        }
        LOG.info("Database: {}", url.redacted());
        return config;
    }
}
