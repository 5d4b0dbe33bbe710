package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.people.PersonRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.inject.Singleton;

/**
 * Stores what one usage source delivered, each person's use of a workflow on a day once: a use this source already
 * stored (under a batch key starting with {@code <source>:}) with the same state, active or passive, is counted as
 * already stored and not stored again, so pulling the same days twice, or sending overlapping exports, changes no
 * figure. A passive day is stored as count 0, which the figures read as telemetry present but no use; once a day is
 * stored as active, a passive report of it adds nothing. Rows go through {@link RecordUsageBatch}, so they are checked
 * and stored as every telemetry file is, and the source's {@code usage_source} row is updated in the same
 * transaction.
 */
@Singleton
class SourceDelivery {

    /**
     * One person's use of one workflow on one day, as a source delivered it.
     *
     * @param row   where it came from (the CSV row), for errors; 0 when it came from a pull
     * @param count 0 for passive use
     */
    record Use(int row, String workflow, String email, LocalDate day, int count) {
    }

    /**
     * What became of a delivery.
     *
     * @param unknown          the emails that match nobody Uptake knows, in order of first sight
     * @param duplicate        the batch key was taken in before: nothing was stored
     * @param deliveredThrough the source's "data as of" after this delivery
     */
    record Stored(int stored, int alreadyStored, List<BatchResult.RowError> rejected, List<String> unknown,
                  boolean duplicate, @Nullable LocalDate deliveredThrough) {
    }

    private final RecordUsageBatch batches;
    private final UsageRepositories.Events events;
    private final PersonRepository people;
    private final UsageSources sources;

    SourceDelivery(RecordUsageBatch batches, UsageRepositories.Events events, PersonRepository people,
                   UsageSources sources) {
        this.batches = batches;
        this.events = events;
        this.people = people;
        this.sources = sources;
    }

    /**
     * @param key     the batch key, starting with {@code <source>:}; a delivery larger than a batch is split under
     *                {@code key}, {@code key#2}, ...
     * @param once    true when the key names what was delivered (an export), so a key seen before is a duplicate
     *                and stores nothing; false when it only names the moment (a pull), so a key seen before (two
     *                pulls in one millisecond) is made unique instead
     * @param through the newest day the source says it delivered in full; the source's cursor moves to it if later
     */
    @Transactional
    public Stored store(String source, String key, boolean once, Instant now, List<Use> uses,
                        @Nullable LocalDate through) {
        Map<String, Long> known = people(uses);
        if (once && uses.stream().noneMatch(use -> known.containsKey(use.email()))) {
            // An export naming only people Uptake does not know is refused as a whole and changes nothing.
            return new Stored(0, 0, List.of(), uses.stream().map(Use::email).distinct().toList(), false,
                    sources.find(source).map(UsageSourceRow::deliveredThrough).orElse(null));
        }
        UsageSourceRow row = sources.begin(source, now);
        boolean duplicate = batches.taken(key);
        if (duplicate && !once) {
            String base = key;
            for (int n = 2; batches.taken(key); n++) {
                key = base + "~" + n;
            }
            duplicate = false;
        }
        Set<String> unknown = new LinkedHashSet<>();
        Map<Day, Boolean> stored = storedBefore(source, uses);
        List<UsageInput> fresh = new ArrayList<>();
        int already = 0;
        for (Use use : uses) {
            Long person = known.get(use.email());
            if (person == null) {
                unknown.add(use.email());
                continue;
            }
            Boolean activeBefore = stored.get(new Day(use.workflow(), person, use.day()));
            boolean active = use.count() > 0;
            if (activeBefore != null && (activeBefore || !active)) {
                already++;
                continue;
            }
            fresh.add(new UsageInput(use.row() > 0 ? use.row() : fresh.size() + 1, use.workflow(), use.email(), null,
                    use.day().toString(), Integer.toString(use.count())));
        }
        int storedNow = 0;
        List<BatchResult.RowError> rejected = new ArrayList<>();
        if (!duplicate) {
            for (int from = 0, part = 1; from < fresh.size(); from += RecordUsageBatch.MAX_ROWS, part++) {
                List<UsageInput> chunk = fresh.subList(from, Math.min(fresh.size(), from + RecordUsageBatch.MAX_ROWS));
                RecordUsageBatch.Outcome outcome = batches.recordFromSource(part == 1 ? key : key + "#" + part, chunk);
                BatchResult result;
                if (outcome instanceof RecordUsageBatch.Outcome.Stored s) {
                    result = s.result();
                } else if (outcome instanceof RecordUsageBatch.Outcome.NothingStored n) {
                    result = n.result();
                } else if (outcome instanceof RecordUsageBatch.Outcome.Duplicate) {
                    continue;
                } else {
                    throw new IllegalStateException("usage batch " + key + " refused: "
                            + ((RecordUsageBatch.Outcome.Refused) outcome).reason());
                }
                storedNow += result.accepted();
                rejected.addAll(result.rejected());
                unknown.addAll(result.unknownPeople());
            }
        }
        rejected.sort(Comparator.comparingInt(BatchResult.RowError::row));
        // A batch sent again delivers nothing new: only its attempt is noted (by begin).
        UsageSourceRow after = duplicate ? row : row.delivered(now, through, storedNow);
        if (!duplicate) {
            sources.delivered(row, now, through, storedNow);
        }
        return new Stored(storedNow, already, rejected, List.copyOf(unknown), duplicate, after.deliveredThrough());
    }

    private Map<String, Long> people(List<Use> uses) {
        List<String> emails = uses.stream().map(Use::email).distinct().toList();
        Map<String, Long> known = new HashMap<>();
        // Chunked: a database takes only so many parameters in one IN list.
        for (int from = 0; from < emails.size(); from += 500) {
            people.findByEmailInList(emails.subList(from, Math.min(emails.size(), from + 500))).stream()
                    .filter(p -> p.erasedAt() == null && p.email() != null)
                    .forEach(p -> known.putIfAbsent(p.email().toLowerCase(Locale.ROOT), p.id()));
        }
        return known;
    }

    /** For each workflow, person and day this source stored before: whether any of it was active. */
    private Map<Day, Boolean> storedBefore(String source, List<Use> uses) {
        if (uses.isEmpty()) {
            return Map.of();
        }
        LocalDate from = uses.stream().map(Use::day).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = uses.stream().map(Use::day).max(Comparator.naturalOrder()).orElseThrow();
        return events.findTelemetry(source + ":%", from, to).stream().collect(Collectors.toMap(
                e -> new Day(e.workflowId(), e.personId(), e.day()), e -> e.count() > 0, Boolean::logicalOr));
    }

    private record Day(String workflow, long person, LocalDate day) {
    }
}
