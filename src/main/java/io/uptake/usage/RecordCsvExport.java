package io.uptake.usage;

import io.uptake.catalog.Catalog;
import io.uptake.catalog.CatalogState;
import io.uptake.catalog.CsvProfile;
import io.uptake.catalog.UsageSpec;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Takes in another tool's user-activity export (a ChatGPT Enterprise or Gemini report, say) through a CSV profile of
 * the programmes file: each good row counts for the workflows whose {@code usage.source} is {@code csv:<profile>}
 * and whose features count the row's feature, once per workflow, person and day, as a pull does. Bad rows are
 * reported with their column; people Uptake does not know are reported, not created.
 */
@Singleton
public class RecordCsvExport {

    /** The longest batch name; with the source in front it stays within a batch key. */
    public static final int MAX_BATCH = 100;

    /** What came of an export. */
    public sealed interface Outcome {
        /** Read; the result says what was stored. */
        record Taken(ExportResult result) implements Outcome {
        }

        /** The programmes file declares no such profile. */
        record UnknownProfile(String profile, List<String> known) implements Outcome {
        }

        /** No workflow reads its use from the profile, so nothing could count. */
        record Unused(String source) implements Outcome {
        }

        /** Not an export that can be taken in at all. */
        record Refused(String reason) implements Outcome {
        }
    }

    private final CatalogState catalog;
    private final SourceDelivery delivery;
    private final UsageSources sources;
    private final Clock clock;

    RecordCsvExport(CatalogState catalog, SourceDelivery delivery, UsageSources sources, Clock clock) {
        this.catalog = catalog;
        this.delivery = delivery;
        this.sources = sources;
        this.clock = clock;
    }

    /** The profile of this name in the programmes file in force. */
    public Optional<CsvProfile> profile(String name) {
        return current().csvProfiles().values().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The profiles the programmes file in force declares, sorted. */
    public List<String> profiles() {
        return current().csvProfiles().keySet().stream().sorted().toList();
    }

    /**
     * @param batch      the export's name, unique per export (the API defaults it to the file's SHA-256), so that
     *                   sending it again stores nothing
     * @param unreadable lines that could not be split into fields, reported as refused rows
     */
    public Outcome record(String profileName, String batch, List<ExportLine> rows,
                          List<BatchResult.RowError> unreadable) {
        Optional<CsvProfile> profile = profile(profileName);
        if (profile.isEmpty()) {
            return new Outcome.UnknownProfile(profileName, profiles());
        }
        String source = UsageSpec.CSV_PREFIX + profileName;
        UseTally tally = new UseTally(current(), source);
        if (!tally.anyWorkflow()) {
            return new Outcome.Unused(source);
        }
        String name = batch == null ? "" : batch.strip();
        if (name.isEmpty() || name.length() > MAX_BATCH) {
            return new Outcome.Refused("a batch name ('batch') has 1 to " + MAX_BATCH + " characters");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // A day that has not yet begun anywhere on Earth is in the future for every tool's time zone.
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.ofHours(14));
        DateTimeFormatter days = DateTimeFormatter.ofPattern(profile.get().dayFormat(), Locale.ROOT);
        List<BatchResult.RowError> errors = new ArrayList<>(unreadable);
        LocalDate newest = null;
        int notCounted = 0;
        for (ExportLine row : rows) {
            Optional<Good> good = check(row, profile.get(), days, latest, errors);
            if (good.isEmpty()) {
                continue;
            }
            Good g = good.get();
            newest = newest == null || g.day().isAfter(newest) ? g.day() : newest;
            if (!tally.add(row.row(), g.email(), g.day(), g.feature(), g.count(), false)) {
                notCounted++;
            }
        }
        if (newest == null) {
            // Not a delivery: no row could be read, and a refused export changes nothing.
            errors.sort(Comparator.comparingInt(BatchResult.RowError::row));
            return new Outcome.Taken(new ExportResult(source, name, 0, 0, 0, errors, UnknownPeople.of(List.of()),
                    false, sources.find(source).map(UsageSourceRow::deliveredThrough).orElse(null)));
        }
        SourceDelivery.Stored stored = delivery.store(source, source + ":" + name, true, now, tally.uses(), newest);
        errors.addAll(stored.rejected());
        errors.sort(Comparator.comparingInt(BatchResult.RowError::row));
        return new Outcome.Taken(new ExportResult(source, name, stored.stored(), stored.alreadyStored(), notCounted,
                errors, UnknownPeople.of(stored.unknown()), stored.duplicate(), stored.deliveredThrough()));
    }

    private Catalog current() {
        return catalog.catalog().orElse(Catalog.empty());
    }

    private static Optional<Good> check(ExportLine row, CsvProfile profile, DateTimeFormatter days, LocalDate latest,
                                        List<BatchResult.RowError> errors) {
        int before = errors.size();
        String email = text(row.person());
        if (email == null) {
            errors.add(error(row, profile.person(), "missing: give the person's email"));
        } else if (!email.contains("@") || email.length() > 320) {
            errors.add(error(row, profile.person(), "'" + cut(email) + "' is not an email address"));
        }
        LocalDate day = day(row, profile, days, latest, errors);
        int count = 1;
        String countText = text(row.count());
        if (profile.count().isPresent()) {
            if (countText == null) {
                errors.add(error(row, profile.count().get(), "missing: give how often it was used that day"));
            } else {
                try {
                    count = Integer.parseInt(countText);
                    if (count < 0 || count > RecordUsageBatch.MAX_COUNT) {
                        errors.add(error(row, profile.count().get(), "must be 0 to " + RecordUsageBatch.MAX_COUNT
                                + ", was " + count));
                    }
                } catch (NumberFormatException e) {
                    errors.add(error(row, profile.count().get(), "'" + cut(countText) + "' is not a whole number"));
                }
            }
        }
        String feature = text(row.feature());
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Good(email.toLowerCase(Locale.ROOT), day, count,
                feature == null ? SourceActivity.ANY : feature));
    }

    /** The row's day; a timestamp's leading date is read, as the profile's pattern gives it. */
    private static LocalDate day(ExportLine row, CsvProfile profile, DateTimeFormatter days, LocalDate latest,
                                 List<BatchResult.RowError> errors) {
        String text = text(row.day());
        if (text == null) {
            errors.add(error(row, profile.day(), "missing: give the day as " + profile.dayFormat()));
            return null;
        }
        try {
            LocalDate day = LocalDate.from(days.parse(text, new ParsePosition(0)));
            if (day.isAfter(latest)) {
                errors.add(error(row, profile.day(), text + " is in the future"));
            }
            return day;
        } catch (DateTimeException e) {
            errors.add(error(row, profile.day(), "'" + cut(text) + "' is not a day as " + profile.dayFormat()));
            return null;
        }
    }

    private static BatchResult.RowError error(ExportLine row, String column, String message) {
        return new BatchResult.RowError(row.row(), column, message);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Echoes at most a little of what was sent, so an error list never grows by the size of bad input. */
    private static String cut(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }

    private record Good(String email, LocalDate day, int count, String feature) {
    }
}
