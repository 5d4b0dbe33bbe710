package io.uptake.api;

import io.uptake.catalog.CsvProfile;
import io.uptake.usage.BatchResult;
import io.uptake.usage.ExportLine;
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
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads usage CSV files into rows: Uptake's own (header {@code workflow,email,day,count}, or {@code chat_id} for
 * email), and tools' exports through a CSV profile of the programmes file. Columns are found by header, ignoring
 * case; fields follow RFC 4180 (quoted fields, doubled quotes).
 *
 * <p>Each line is read on its own: no field of a usage row spans lines, so a line that cannot be read (an
 * unbalanced quote) is reported as that row's mistake, with its line number, and the lines after it still count.
 */
final class UsageCsv {

    /** What a file holds. */
    sealed interface Parsed<T> {
        /**
         * @param unreadable lines that could not be split into fields, as refused rows
         */
        record Rows<T>(List<T> rows, List<BatchResult.RowError> unreadable) implements Parsed<T> {
        }

        record Unreadable<T>(String reason) implements Parsed<T> {
        }

        record TooLarge<T>() implements Parsed<T> {
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).build();
    private static final String OWN_HEADER = "workflow,email,day,count";

    private UsageCsv() {
    }

    /** Uptake's own usage file. */
    static Parsed<UsageInput> parse(String text, int maxRows) {
        return read(text, maxRows, OWN_HEADER, header -> {
            List<String> missing = new ArrayList<>();
            for (String column : List.of("workflow", "day", "count")) {
                if (!header.contains(column)) {
                    missing.add(column);
                }
            }
            if (!header.contains("email") && !header.contains("chat_id")) {
                missing.add("email");
            }
            return missing;
        }, line -> new UsageInput(line.row(), line.get("workflow"), line.get("email"), line.get("chat_id"),
                line.get("day"), line.get("count")));
    }

    /** A tool's export, read through the columns a CSV profile names. */
    static Parsed<ExportLine> parse(String text, int maxRows, CsvProfile profile) {
        List<String> columns = new ArrayList<>(List.of(profile.person(), profile.day()));
        profile.count().ifPresent(columns::add);
        profile.feature().ifPresent(columns::add);
        return read(text, maxRows, String.join(",", columns), header -> columns.stream()
                .filter(c -> !header.contains(c.toLowerCase(Locale.ROOT))).toList(),
                line -> new ExportLine(line.row(), line.get(profile.person()), line.get(profile.day()),
                        profile.count().map(line::get).orElse(null), profile.feature().map(line::get).orElse(null)));
    }

    /** One data line's fields, found by column name ignoring case. */
    private record Line(int row, List<String> values, Map<String, Integer> header) {

        String get(String column) {
            Integer index = header.get(column.toLowerCase(Locale.ROOT));
            return index == null || index >= values.size() ? null : values.get(index);
        }
    }

    /**
     * @param hint    the header line to suggest in a mistake
     * @param missing the needed columns a header (its names in lower case) lacks
     */
    private static <T> Parsed<T> read(String text, int maxRows, String hint,
                                      Function<Set<String>, List<String>> missing, Function<Line, T> row) {
        List<String> lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            return new Parsed.Unreadable<>("The CSV file is empty. Send a header line " + hint + " and one row per "
                    + "person and day.");
        }
        Optional<List<String>> names = fields(lines.get(headerLine));
        if (names.isEmpty()) {
            return new Parsed.Unreadable<>("The CSV header (line " + (headerLine + 1) + ") could not be read: a "
                    + "quoted name never closes. Send a header line " + hint + ".");
        }
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.get().size(); i++) {
            header.putIfAbsent(names.get().get(i).toLowerCase(Locale.ROOT), i);
        }
        List<String> lacking = missing.apply(header.keySet());
        if (!lacking.isEmpty()) {
            return new Parsed.Unreadable<>("The CSV header must name the columns " + hint + "; missing: "
                    + String.join(", ", lacking) + ".");
        }
        List<T> rows = new ArrayList<>();
        List<BatchResult.RowError> unreadable = new ArrayList<>();
        int count = 0;
        for (int line = headerLine + 1; line < lines.size(); line++) {
            if (lines.get(line).isBlank()) {
                continue;
            }
            if (count == maxRows) {
                return new Parsed.TooLarge<>();
            }
            count++;
            Optional<List<String>> values = fields(lines.get(line));
            if (values.isEmpty()) {
                unreadable.add(new BatchResult.RowError(count, "line", "line " + (line + 1) + " could not be read: a "
                        + "quote opens a field that never closes on that line; the line was skipped"));
                continue;
            }
            rows.add(row.apply(new Line(count, values.get(), header)));
        }
        return count == 0 ? new Parsed.Unreadable<>("The CSV file holds a header but no rows.")
                : new Parsed.Rows<>(rows, unreadable);
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
}
