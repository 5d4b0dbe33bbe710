package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;
import io.uptake.catalog.Catalog;
import io.uptake.catalog.CatalogState;
import io.uptake.catalog.UsageSpec;
import io.uptake.metrics.MetricsSettings;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls a configured AI tool's usage and stores it as usage events, once per workflow, person and day.
 *
 * <p>It asks for the days from two before the source's cursor (the newest day it delivered, so rows the tool
 * published late are caught) to today, UTC; on the first pull, from the Monday a habit window (12 weeks) before this
 * week's, so habit and trend are there from the first digest where the tool keeps that much. So a restart or an outage
 * is made up
 * at the next pull. Each activity counts for every workflow whose {@code usage.source} is the tool and whose
 * features count it; the person is the activity's email, else the programmes file's {@code github-logins} entry for
 * its login. A tool that hides who its users are is recorded as such, never as nobody using it.
 */
@Singleton
public class PullUsage {

    /** Each later pull reads again this many days before the cursor, for rows a tool publishes late. */
    static final int OVERLAP_DAYS = 2;

    /** The environment variables each connector needs before it is pulled. */
    static final Map<String, List<String>> SETTINGS = Map.of(
            UsageSpec.GITHUB_COPILOT, List.of("UPTAKE_GITHUB_TOKEN", "UPTAKE_GITHUB_ORG"),
            UsageSpec.MICROSOFT_365_COPILOT, List.of("UPTAKE_GRAPH_TENANT_ID", "UPTAKE_GRAPH_CLIENT_ID",
                    "UPTAKE_GRAPH_CLIENT_SECRET"));

    private static final Logger LOG = LoggerFactory.getLogger(PullUsage.class);

    /** What came of a pull. */
    public sealed interface Outcome {
        /** Pulled; the result says what was stored (nothing, when the tool hid its users). */
        record Pulled(PullResult result) implements Outcome {
        }

        /** No such source. */
        record UnknownSource(String source, List<String> known) implements Outcome {
        }

        /** A known connector whose environment variables are not set. */
        record NotConfigured(String source, List<String> settings) implements Outcome {
        }

        /** A CSV profile's exports are posted, not pulled. */
        record CsvSource(String source) implements Outcome {
        }

        /** The tool could not be read; nothing was stored, and the error is on the source's row. */
        record Failed(String source, String message) implements Outcome {
        }
    }

    private final List<UsageConnector> connectors;
    private final CatalogState catalog;
    private final SourceDelivery delivery;
    private final UsageSources sources;
    private final Clock clock;
    private final int habitWeeks;

    PullUsage(List<UsageConnector> connectors, CatalogState catalog, SourceDelivery delivery, UsageSources sources,
              MetricsSettings metrics, Clock clock) {
        this.connectors = List.copyOf(connectors);
        this.catalog = catalog;
        this.delivery = delivery;
        this.sources = sources;
        this.clock = clock;
        this.habitWeeks = metrics.habitWeeks();
    }

    /** The sources whose connectors are configured, which the schedule pulls. */
    public List<String> configuredSources() {
        return connectors.stream().filter(UsageConnector::configured).map(UsageConnector::source).distinct()
                .sorted().toList();
    }

    public Outcome pull(String source) {
        if (source.startsWith(UsageSpec.CSV_PREFIX)) {
            return new Outcome.CsvSource(source);
        }
        Set<String> known = new TreeSet<>(UsageSpec.CONNECTORS);
        connectors.forEach(c -> known.add(c.source()));
        if (!known.contains(source)) {
            return new Outcome.UnknownSource(source, List.copyOf(known));
        }
        // A configured connector wins over an unconfigured one for the same source.
        Optional<UsageConnector> connector = connectors.stream()
                .filter(c -> c.source().equals(source) && c.configured()).findFirst();
        if (connector.isEmpty()) {
            return new Outcome.NotConfigured(source, SETTINGS.getOrDefault(source, List.of()));
        }
        return pull(connector.get());
    }

    /** Pulls {@code connector} now, whatever beans there are for its source (the demo pulls its own this way). */
    public Outcome pull(UsageConnector connector) {
        String source = connector.source();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate cursor = sources.find(source).map(UsageSourceRow::deliveredThrough).orElse(null);
        LocalDate from = cursor == null ? today.with(DayOfWeek.MONDAY).minusWeeks(habitWeeks)
                : cursor.minusDays(OVERLAP_DAYS);
        if (from.isAfter(today)) {
            from = today;
        }
        SourcePull pull;
        try {
            pull = connector.pull(from, today);
        } catch (SourceUnavailable e) {
            LOG.warn("Usage pull from {} failed, nothing stored: {}", source, e.getMessage());
            return failed(source, now, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Usage pull from {} failed unexpectedly, nothing stored", source, e);
            return failed(source, now, "The " + source + " connector failed unexpectedly; the service log has the "
                    + "details.");
        }
        if (pull.anonymised()) {
            String why = pull.notes().isEmpty() ? source + " hides who its users are, so nobody's use can be counted"
                    : String.join(" ", pull.notes());
            sources.anonymised(source, now, why);
            LOG.warn("Usage pull from {}: the report is anonymised, nothing stored", source);
            return new Outcome.Pulled(new PullResult(source, from, today, 0, 0, UnknownPeople.of(List.of()),
                    cursor, true, pull.notes()));
        }
        return new Outcome.Pulled(store(source, now, from, today, pull));
    }

    private PullResult store(String source, Instant now, LocalDate from, LocalDate to, SourcePull pull) {
        Catalog current = catalog.catalog().orElse(Catalog.empty());
        UseTally tally = new UseTally(current, source);
        Map<String, String> emailByLogin = current.githubLogins().entrySet().stream().collect(Collectors.toMap(
                e -> e.getValue().toLowerCase(Locale.ROOT), Map.Entry::getKey, (a, b) -> a));
        Set<String> unmapped = new LinkedHashSet<>();
        int nameless = 0;
        for (SourceActivity activity : pull.activity()) {
            String email = activity.email() != null && !activity.email().isBlank()
                    ? activity.email().strip().toLowerCase(Locale.ROOT)
                    : activity.login() == null ? null : emailByLogin.get(activity.login().toLowerCase(Locale.ROOT));
            if (email == null) {
                if (!tally.workflowsCounting(activity.feature()).isEmpty()) {
                    if (activity.login() != null) {
                        unmapped.add("GitHub login " + activity.login() + " (not in github-logins)");
                    } else {
                        nameless++;
                    }
                }
                continue;
            }
            tally.add(0, email, activity.day(), activity.feature(), Math.max(1, activity.count()),
                    activity.passive());
        }
        // With no workflow reading the source nothing is kept, so the cursor stays: the first workflow that names
        // the source later gets the days from there, not only the last two.
        SourceDelivery.Stored stored = delivery.store(source, source + ":" + now, false, now, tally.uses(),
                tally.anyWorkflow() ? pull.deliveredThrough() : null);
        List<String> notes = new ArrayList<>(pull.notes());
        if (!tally.anyWorkflow()) {
            notes.add("No workflow of the programmes file reads its use from " + source + " (usage: { source: "
                    + source + " }), so nothing was stored and its data-as-of day did not move.");
        }
        if (nameless > 0) {
            notes.add(nameless + " activity rows named nobody (no email, no login) and were skipped.");
        }
        if (!stored.rejected().isEmpty()) {
            BatchResult.RowError first = stored.rejected().get(0);
            notes.add(stored.rejected().size() + " uses were refused, the first for its " + first.field() + ": "
                    + first.message());
        }
        Set<String> unknown = new LinkedHashSet<>(stored.unknown());
        unknown.addAll(unmapped);
        LOG.info("Usage pull from {} ({} to {}): {} stored, {} already stored, {} people unknown, data as of {}",
                source, from, to, stored.stored(), stored.alreadyStored(), unknown.size(), stored.deliveredThrough());
        return new PullResult(source, from, to, stored.stored(), stored.alreadyStored(), UnknownPeople.of(unknown),
                stored.deliveredThrough(), false, notes);
    }

    private Outcome failed(String source, Instant now, @Nullable String message) {
        String why = message == null || message.isBlank() ? source + " could not be read" : message;
        sources.failed(source, now, why);
        return new Outcome.Failed(source, why);
    }
}
