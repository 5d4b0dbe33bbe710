package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.uptake.catalog.CatalogState;
import io.uptake.catalog.Workflow;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Where each usage source stands now, for {@code /health}: the newest day it delivered, its last attempt and
 * error, and whether it is late against its expected lag ({@link ExpectedLags}). Lists every source that ever
 * delivered or was tried, and every source a workflow of the catalogue in force declares, even one never pulled.
 */
@Singleton
public class CheckUsageSources {

    /**
     * One source's state.
     *
     * @param deliveredThrough the newest day it delivered in full; null when it has delivered nothing
     * @param daysBehind       days from {@code deliveredThrough} to today (UTC); null without it
     * @param lastError        why its last attempt failed; null after a success or before any attempt
     * @param stale            whether it is further behind than its expected lag, or has delivered nothing
     * @param workflows        the workflows whose programmes-file entry names it, in id order
     */
    public record SourceState(String source, String name, @Nullable LocalDate deliveredThrough,
                              @Nullable Integer daysBehind, int expectedLagDays, boolean stale, boolean anonymised,
                              @Nullable Instant lastAttemptAt, @Nullable Instant lastSuccessAt,
                              @Nullable String lastError, int lastStored, List<String> workflows) {

        public SourceState {
            workflows = List.copyOf(workflows);
        }
    }

    private final DataSource dataSource;
    private final CatalogState catalog;
    private final ExpectedLags lags;
    private final Clock clock;

    CheckUsageSources(DataSource dataSource, CatalogState catalog, ExpectedLags lags, Clock clock) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.lags = lags;
        this.clock = clock;
    }

    /** Every known source, in name order. */
    @ReadOnly
    public List<SourceState> sources() {
        Map<String, UsageSourceReads.SourceRow> rows;
        try (Connection c = dataSource.getConnection()) {
            rows = UsageSourceReads.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the usage sources", e);
        }
        Map<String, List<String>> declared = new TreeMap<>();
        catalog.catalog().ifPresent(c -> c.workflows().stream().filter(w -> w.usage().isPresent())
                .sorted(Comparator.comparing(Workflow::id))
                .forEach(w -> declared.computeIfAbsent(w.usage().get().source(), k -> new ArrayList<>())
                        .add(w.id())));
        TreeSet<String> names = new TreeSet<>(rows.keySet());
        names.addAll(declared.keySet());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<SourceState> states = new ArrayList<>();
        for (String source : names) {
            UsageSourceReads.SourceRow row = rows.get(source);
            Freshness f = row == null ? FreshnessRule.judge(source, null, false, false, today, lags.days(source))
                    : FreshnessRule.judge(source, row.deliveredThrough(), row.anonymised(), row.lastError() != null,
                    today, lags.days(source));
            states.add(new SourceState(source, f.sourceName(), f.dataAsOf(), f.daysBehind(), f.expectedLagDays(),
                    f.stale(), f.anonymised(), row == null ? null : row.lastAttemptAt(),
                    row == null ? null : row.lastSuccessAt(), row == null ? null : row.lastError(),
                    row == null ? 0 : row.lastStored(), declared.getOrDefault(source, List.of())));
        }
        return states;
    }
}
