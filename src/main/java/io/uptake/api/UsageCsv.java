package io.uptake.api;

import io.uptake.usage.BatchResult;
import io.uptake.usage.UsageInput;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a usage CSV file (header {@code workflow,email,day,count}, or {@code chat_id} for email) into rows.
 *
 * <p>Each line is read on its own: no field of a usage row spans lines, so a line that cannot be read (an
 * unbalanced quote) is reported as that row's mistake, with its line number, and the lines after it still count.
 */
final class UsageCsv {

    /** What a file holds. */
    sealed interface Parsed {
        /**
         * @param unreadable lines that could not be split into fields, as refused rows
         */
        record Rows(List<UsageInput> rows, List<BatchResult.RowError> unreadable) implements Parsed {
        }

        record Unreadable(String reason) implements Parsed {
        }

        record TooLarge() implements Parsed {
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).build();

    private UsageCsv() {
    }

    static Parsed parse(String text, int maxRows) {
        List<String> lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            return new Parsed.Unreadable("The CSV file is empty. Send a header line workflow,email,day,count and "
                    + "one row per person and day.");
        }
        Optional<List<String>> names = fields(lines.get(headerLine));
        if (names.isEmpty()) {
            return new Parsed.Unreadable("The CSV header (line " + (headerLine + 1) + ") could not be read: a "
                    + "quoted name never closes. Send a header line workflow,email,day,count.");
        }
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.get().size(); i++) {
            header.putIfAbsent(names.get().get(i).toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        for (String column : List.of("workflow", "day", "count")) {
            if (!header.containsKey(column)) {
                missing.add(column);
            }
        }
        if (!header.containsKey("email") && !header.containsKey("chat_id")) {
            missing.add("email");
        }
        if (!missing.isEmpty()) {
            return new Parsed.Unreadable("The CSV header must name the columns workflow,email,day,count; missing: "
                    + String.join(", ", missing) + ".");
        }
        List<UsageInput> rows = new ArrayList<>();
        List<BatchResult.RowError> unreadable = new ArrayList<>();
        int row = 0;
        for (int line = headerLine + 1; line < lines.size(); line++) {
            if (lines.get(line).isBlank()) {
                continue;
            }
            if (row == maxRows) {
                return new Parsed.TooLarge();
            }
            row++;
            Optional<List<String>> values = fields(lines.get(line));
            if (values.isEmpty()) {
                unreadable.add(new BatchResult.RowError(row, "line", "line " + (line + 1) + " could not be read: a "
                        + "quote opens a field that never closes on that line; the line was skipped"));
                continue;
            }
            List<String> v = values.get();
            rows.add(new UsageInput(row, get(v, header, "workflow"), get(v, header, "email"),
                    get(v, header, "chat_id"), get(v, header, "day"), get(v, header, "count")));
        }
        return row == 0 ? new Parsed.Unreadable("The CSV file holds a header but no rows.")
                : new Parsed.Rows(rows, unreadable);
    }

    /** The fields of one line, or empty when the line is not well-formed CSV on its own. */
    private static Optional<List<String>> fields(String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? Optional.of(records.get(0).toList()) : Optional.empty();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String get(List<String> values, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null || index >= values.size() ? null : values.get(index);
    }
}
