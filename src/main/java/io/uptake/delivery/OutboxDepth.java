package io.uptake.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's depth by state for {@code GET /prometheus}: messages waiting ({@code pending}), being sent
 * ({@code sending}) and given up ({@code dead}), counted in the shared database, so every node reports the
 * cluster's outbox.
 *
 * <p>One grouped count on the {@code (status, not_before)} index answers all three, and it is kept for a few
 * seconds: scrapes of several nodes, or several gauges of one scrape, do not each count the table. The finished
 * states (sent, cancelled, expired) grow for ever and are not counted; the send counters say what left.
 */
@Singleton
final class OutboxDepth implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDepth.class);
    static final String DEPTH = "uptake.outbox.depth";
    static final List<String> STATES = List.of(OutboxRow.PENDING, OutboxRow.SENDING, OutboxRow.DEAD);
    static final Duration KEPT = Duration.ofSeconds(5);

    private record Counted(Instant at, Map<String, Long> byState) {
    }

    // A provider: the data source's pool reports to the meter registry, which binds this on its creation.
    private final Provider<DataSource> dataSource;
    private final Clock clock;
    private Counted last;

    OutboxDepth(Provider<DataSource> dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String state : STATES) {
            Gauge.builder(DEPTH, () -> count(state)).description("Outbox messages in this state, in the database")
                    .tag("state", state).strongReference(true).register(registry);
        }
    }

    private synchronized double count(String state) {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(KEPT)) || now.isBefore(last.at())) {
            try {
                last = new Counted(now, countByState());
            } catch (SQLException e) {
                LOG.warn("Could not count the outbox for the metrics: {}", e.getMessage());
                return Double.NaN;
            }
        }
        return last.byState().getOrDefault(state, 0L);
    }

    private Map<String, Long> countByState() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource.get()).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM outbox"
                        + " WHERE status IN ('pending', 'sending', 'dead') GROUP BY status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
