package io.uptake.storage;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/** Wraps every data source so that writes to the figure tables move the {@link FigureVersion} on. */
@Singleton
final class WatchFigureWrites implements BeanCreatedEventListener<DataSource>, Ordered {

    private final FigureVersion version;

    WatchFigureWrites(FigureVersion version) {
        this.version = version;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        return dataSource instanceof FigureWatchingDataSource ? dataSource
                : new FigureWatchingDataSource(dataSource, version);
    }

    /** After the SQLite adapter, before Micronaut Data's own wrapping. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 1;
    }
}
