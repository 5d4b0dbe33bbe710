package io.uptake.metrics;

import io.micronaut.transaction.annotation.ReadOnly;
import io.uptake.catalog.CatalogState;
import io.uptake.catalog.UsageSpec;
import io.uptake.catalog.Workflow;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Says, on every workflow whose usage figures rest on telemetry, how fresh that telemetry is ("data as of") and
 * whether its source is late, judged now against the service's clock. A late or anonymised source goes first in
 * the workflow's reasons, last in its flags, and into its programme's reasons right after the headline, so no
 * verdict is read on old telemetry without saying so.
 *
 * <p>Applied when a scorecard is read, after any cache: the figures are kept while the data they come from stands,
 * but a source turns late with the calendar alone, and its deliveries are recorded apart from the figures' tables.
 * Applying it again replaces what it said before.
 *
 * <p>A workflow's source is the {@code usage.source} its programmes-file entry declares; without one, telemetry is
 * posted as files ({@value Freshness#FILE}), whose "data as of" is the newest day posted for that workflow.
 */
@Singleton
public class StampFreshness {

    private final DataSource dataSource;
    private final CatalogState catalog;
    private final ExpectedLags lags;
    private final Clock clock;

    StampFreshness(DataSource dataSource, CatalogState catalog, ExpectedLags lags, Clock clock) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.lags = lags;
        this.clock = clock;
    }

    /** The scorecard with every workflow's freshness judged now. */
    @ReadOnly
    public Scorecard stamp(Scorecard card) {
        try (Connection c = dataSource.getConnection()) {
            Judge judge = new Judge(c);
            List<ProgrammeScore> programmes = new ArrayList<>();
            for (ProgrammeScore p : card.programmes()) {
                List<WorkflowScore> workflows = new ArrayList<>();
                for (WorkflowScore w : p.workflows()) {
                    workflows.add(judge.stamp(w));
                }
                programmes.add(p.with(reasons(p, workflows), workflows));
            }
            return card.with(programmes);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the usage sources' freshness", e);
        }
    }

    /** One workflow's score with its freshness judged now. */
    @ReadOnly
    public WorkflowScore stamp(WorkflowScore w) {
        try (Connection c = dataSource.getConnection()) {
            return new Judge(c).stamp(w);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the usage sources' freshness", e);
        }
    }

    /**
     * The programme's reasons with each flagged workflow's notes right after the headline ("1 of 2 workflows at
     * leverage", after the programme-ownership reason when that comes first), in place of those an earlier
     * judgement put there.
     */
    private static List<String> reasons(ProgrammeScore before, List<WorkflowScore> after) {
        List<String> old = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            Freshness previous = before.workflows().get(i).freshness();
            WorkflowScore w = after.get(i);
            if (previous != null) {
                previous.notes().forEach(n -> old.add(w.name() + ": " + n));
            }
            if (w.freshness() != null) {
                w.freshness().notes().forEach(n -> added.add(w.name() + ": " + n));
            }
        }
        List<String> kept = before.reasons().stream().filter(r -> !old.contains(r)).toList();
        // The headline is the first reason, or the second when the programme-ownership reason goes before it.
        int headline = 0;
        for (int i = 0; i < Math.min(2, kept.size()); i++) {
            if (kept.get(i).endsWith(" workflows at leverage")) {
                headline = i;
                break;
            }
        }
        int cut = Math.min(headline + 1, kept.size());
        List<String> reasons = new ArrayList<>(kept.subList(0, cut));
        reasons.addAll(added);
        reasons.addAll(kept.subList(cut, kept.size()));
        return reasons;
    }

    /** Judges the workflows of one read on one connection, reading the sources once. */
    private final class Judge {

        private final Connection connection;
        private final Map<String, UsageSourceReads.SourceRow> rows;
        private final Map<String, UsageSpec> declared;
        private final LocalDate today;

        Judge(Connection connection) throws SQLException {
            this.connection = connection;
            this.rows = UsageSourceReads.read(connection);
            this.declared = catalog.catalog().map(c -> c.workflows().stream().filter(w -> w.usage().isPresent())
                    .collect(Collectors.toMap(Workflow::id, w -> w.usage().get(), (a, b) -> a)))
                    .orElse(Map.of());
            this.today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }

        WorkflowScore stamp(WorkflowScore w) throws SQLException {
            UsageSpec spec = declared.get(w.workflowId());
            if (spec == null && !restsOnTelemetry(w)) {
                return w.withFreshness(null);
            }
            String source = spec == null ? Freshness.FILE : spec.source();
            int lag = lags.days(source);
            if (Freshness.FILE.equals(source)) {
                return w.withFreshness(FreshnessRule.judge(source,
                        UsageSourceReads.telemetryThrough(connection, w.workflowId()), false, false, today, lag));
            }
            UsageSourceReads.SourceRow row = rows.get(source);
            return w.withFreshness(row == null ? FreshnessRule.judge(source, null, false, false, today, lag)
                    : FreshnessRule.judge(source, row.deliveredThrough(), row.anonymised(), row.lastError() != null,
                    today, lag));
        }
    }

    /** Whether any usage figure of the workflow, this week or in its history, came from telemetry. */
    static boolean restsOnTelemetry(WorkflowScore w) {
        return telemetry(w.wauPercent()) || telemetry(w.wauPercentPrevious()) || telemetry(w.habitPercent())
                || w.history().stream().anyMatch(p -> telemetry(p.wauPercent()));
    }

    private static boolean telemetry(Figure figure) {
        return figure.source() == Figure.Source.TELEMETRY;
    }
}
