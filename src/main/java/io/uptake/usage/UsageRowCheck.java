package io.uptake.usage;

import io.uptake.catalog.CatalogLookup;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks one telemetry row's fields, reporting the first mistake in each field that has one. */
final class UsageRowCheck {

    private UsageRowCheck() {
    }

    /** The row made valid, or empty with its mistakes added to {@code errors}. */
    static Optional<RecordUsageBatch.Valid> check(UsageInput row, LocalDate latest, CatalogLookup catalog,
                                                  List<BatchResult.RowError> errors) {
        int before = errors.size();
        String workflow = text(row.workflow());
        if (workflow == null) {
            errors.add(error(row, "workflow", "missing: give the workflow id from the programmes file"));
        } else if (catalog.workflow(workflow).isEmpty()) {
            errors.add(error(row, "workflow", "no workflow '" + cut(workflow) + "' in the programmes file"));
        }
        String email = text(row.email());
        String chatId = text(row.chatId());
        if (email == null && chatId == null) {
            errors.add(error(row, "email", "missing: give the person's email or their Slack or Teams user id"));
        } else if (email != null && (!email.contains("@") || email.length() > 320)) {
            errors.add(error(row, "email", "'" + cut(email) + "' is not an email address"));
        }
        LocalDate day = null;
        String dayText = text(row.day());
        if (dayText == null) {
            errors.add(error(row, "day", "missing: give the day as yyyy-MM-dd"));
        } else {
            try {
                day = LocalDate.parse(dayText);
                if (day.isAfter(latest)) {
                    errors.add(error(row, "day", dayText + " is in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(error(row, "day", "'" + cut(dayText) + "' is not a date as yyyy-MM-dd"));
            }
        }
        Integer count = count(row, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new RecordUsageBatch.Valid(row.row(), workflow,
                email == null ? null : email.toLowerCase(Locale.ROOT), chatId, day, count));
    }

    private static Integer count(UsageInput row, List<BatchResult.RowError> errors) {
        String text = text(row.count());
        if (text == null) {
            errors.add(error(row, "count", "missing: give how many times the workflow was used that day"));
            return null;
        }
        try {
            int count = Integer.parseInt(text);
            if (count < 0) {
                errors.add(error(row, "count", "must not be negative, was " + count));
            } else if (count > RecordUsageBatch.MAX_COUNT) {
                errors.add(error(row, "count", "at most " + RecordUsageBatch.MAX_COUNT + " a day, was " + count));
            }
            return count;
        } catch (NumberFormatException e) {
            errors.add(error(row, "count", "'" + cut(text) + "' is not a whole number"));
            return null;
        }
    }

    private static BatchResult.RowError error(UsageInput row, String field, String message) {
        return new BatchResult.RowError(row.row(), field, message);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Echoes at most a little of what was sent, so an error list never grows by the size of bad input. */
    private static String cut(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
