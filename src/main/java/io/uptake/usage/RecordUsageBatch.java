package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CatalogLookup;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in a batch of usage telemetry once per batch key: good rows are stored, bad rows reported with their
 * field, rows naming someone Uptake does not know reported and skipped (people are never created from telemetry).
 * A batch of which nothing could be stored is not remembered, so that the same key sent again corrected counts.
 */
@Singleton
public class RecordUsageBatch {

    /** The most rows one batch may hold; larger exports are split into several batches. */
    public static final int MAX_ROWS = 10_000;
    static final int MAX_KEY = 200;
    static final int MAX_COUNT = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(RecordUsageBatch.class);

    /** What happened to a batch. */
    public sealed interface Outcome {
        /** Taken in now. */
        record Stored(BatchResult result) implements Outcome {
        }

        /** Taken in before under the same key: the first result, marked duplicate; nothing stored now. */
        record Duplicate(BatchResult result) implements Outcome {
        }

        /** Not a batch that can be taken in at all; nothing stored. */
        record Refused(String reason) implements Outcome {
        }

        /** Every row was refused or named someone unknown: nothing stored, and the key stays free. */
        record NothingStored(BatchResult result) implements Outcome {
        }
    }

    private final UsageRepositories.Batches batches;
    private final UsageRepositories.Events events;
    private final CatalogLookup catalog;
    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final ObjectMapper json;
    private final UsageSources sources;
    private final Clock clock;

    RecordUsageBatch(UsageRepositories.Batches batches, UsageRepositories.Events events, CatalogLookup catalog,
                     PersonRepository people, ChatIdentityRepository identities, ObjectMapper json,
                     UsageSources sources, Clock clock) {
        this.batches = batches;
        this.sources = sources;
        this.events = events;
        this.catalog = catalog;
        this.people = people;
        this.identities = identities;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Outcome record(String batchKey, List<UsageInput> rows) {
        return record(batchKey, rows, List.of());
    }

    /**
     * Takes in a file of telemetry; when it stored something, notes it on the {@value UsageSources#FILE} source,
     * whose "data as of" moves to the newest day stored if that is later.
     *
     * @param unreadable rows of the file that could not even be split into fields (a CSV line with an unbalanced
     *                   quote), reported with the others
     */
    @Transactional
    public Outcome record(String batchKey, List<UsageInput> rows, List<BatchResult.RowError> unreadable) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Taken taken = take(batchKey, rows, unreadable, now);
        Outcome outcome = taken.outcome();
        // Only a batch that stored something is a delivery; a refused one changes nothing at all.
        if (outcome instanceof Outcome.Stored stored) {
            sources.delivered(sources.begin(UsageSources.FILE, now), now, taken.newest(), stored.result().accepted());
        }
        return outcome;
    }

    /**
     * Takes in telemetry a usage source delivered, within the caller's transaction, leaving the source's row to the
     * caller.
     */
    Outcome recordFromSource(String batchKey, List<UsageInput> rows) {
        return take(batchKey, rows, List.of(), clock.instant().truncatedTo(ChronoUnit.MILLIS)).outcome();
    }

    /** Whether a batch was taken in under this key before. */
    boolean taken(String batchKey) {
        return batches.existsById(batchKey);
    }

    /** A batch's outcome, and the newest day it stored (null when it stored none). */
    private record Taken(Outcome outcome, @Nullable LocalDate newest) {
    }

    private Taken take(String batchKey, List<UsageInput> rows, List<BatchResult.RowError> unreadable, Instant now) {
        String key = batchKey == null ? "" : batchKey.strip();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            return new Taken(new Outcome.Refused("a batch needs a key ('batch') of 1 to " + MAX_KEY
                    + " characters, unique per export, so that sending it again is recognised"), null);
        }
        int size = rows.size() + unreadable.size();
        if (size == 0) {
            return new Taken(new Outcome.Refused("the batch holds no events"), null);
        }
        if (size > MAX_ROWS) {
            return new Taken(new Outcome.Refused("a batch holds at most " + MAX_ROWS + " events; this one has "
                    + size + ". Split it into several batches, each with its own key"), null);
        }
        if (batches.claim(key, now) == 0) {
            return new Taken(new Outcome.Duplicate(stored(key)), null);
        }
        List<UsageEventRow> stored = new ArrayList<>();
        BatchResult result = store(key, rows, unreadable, now, stored);
        if (result.accepted() == 0) {
            batches.deleteById(key);
            LOG.info("Usage batch {}: nothing stored ({} rows refused, {} unknown people); key left free", key,
                    result.rejected().size(), result.unknownPeople().size());
            return new Taken(new Outcome.NothingStored(result), null);
        }
        int notStored = size - result.accepted();
        batches.update(new UsageBatchRow(key, now, result.accepted(), notStored, write(result)));
        LOG.info("Usage batch {}: {} rows stored, {} refused, {} naming unknown people", key, result.accepted(),
                result.rejected().size(), notStored - result.rejected().size());
        return new Taken(new Outcome.Stored(result), stored.stream().map(UsageEventRow::day)
                .max(Comparator.naturalOrder()).orElse(null));
    }

    /** @param stored filled with the events stored */
    private BatchResult store(String key, List<UsageInput> rows, List<BatchResult.RowError> unreadable,
                              Instant now, List<UsageEventRow> stored) {
        List<BatchResult.RowError> errors = new ArrayList<>(unreadable);
        List<Valid> valid = new ArrayList<>();
        // A day that has not yet begun anywhere on Earth is in the future for every tool's time zone.
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.ofHours(14));
        for (UsageInput row : rows) {
            UsageRowCheck.check(row, latest, catalog, errors).ifPresent(valid::add);
        }
        Map<String, Long> byEmail = byEmail(valid);
        Map<String, Long> byChatId = byChatId(valid, errors);
        Set<String> unknown = new LinkedHashSet<>();
        Set<Integer> refused = errors.stream().map(BatchResult.RowError::row).collect(Collectors.toSet());
        for (Valid v : valid) {
            Long person = v.email() != null ? byEmail.get(v.email()) : byChatId.get(v.chatId());
            if (person == null) {
                if (!refused.contains(v.row())) {
                    unknown.add(v.email() != null ? v.email() : v.chatId());
                }
                continue;
            }
            stored.add(new UsageEventRow(null, v.workflow(), person, v.day(), v.count(), UsageEventRow.TELEMETRY, key,
                    now));
        }
        if (!stored.isEmpty()) {
            events.saveAll(stored);
        }
        errors.sort(Comparator.comparingInt(BatchResult.RowError::row));
        return new BatchResult(key, stored.size(), errors, List.copyOf(unknown), false);
    }

    private Map<String, Long> byEmail(List<Valid> rows) {
        List<String> emails = rows.stream().map(Valid::email).filter(e -> e != null).distinct().toList();
        return emails.isEmpty() ? Map.of() : people.findByEmailInList(emails).stream()
                .filter(p -> p.erasedAt() == null && p.email() != null)
                .collect(Collectors.toMap(p -> p.email().toLowerCase(Locale.ROOT), PersonRow::id, (a, b) -> a));
    }

    /** Chat ids that name exactly one person; one that names several (in different workspaces) is an error. */
    private Map<String, Long> byChatId(List<Valid> rows, List<BatchResult.RowError> errors) {
        List<String> ids = rows.stream().filter(v -> v.email() == null).map(Valid::chatId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<Long>> people = identities.findByUserIdInList(ids).stream().collect(Collectors.groupingBy(
                ChatIdentityRow::userId, Collectors.mapping(ChatIdentityRow::personId, Collectors.toSet())));
        for (Valid v : rows) {
            if (v.email() == null && people.getOrDefault(v.chatId(), Set.of()).size() > 1) {
                errors.add(new BatchResult.RowError(v.row(), "chatId", "chat id '" + v.chatId()
                        + "' belongs to more than one person; send their email instead"));
            }
        }
        return people.entrySet().stream().filter(e -> e.getValue().size() == 1)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().iterator().next()));
    }

    private BatchResult stored(String key) {
        UsageBatchRow row = batches.findById(key).orElseThrow();
        if (row.result() == null) {
            return new BatchResult(key, row.rowsAccepted(), List.of(), List.of(), true);
        }
        try {
            return json.readValue(row.result(), BatchResult.class).asDuplicate();
        } catch (IOException e) {
            throw new UncheckedIOException("stored result of usage batch " + key + " is unreadable", e);
        }
    }

    private String write(BatchResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row whose fields are all well formed, with its person still to be found. */
    record Valid(int row, String workflow, String email, String chatId, LocalDate day, int count) {
    }
}
