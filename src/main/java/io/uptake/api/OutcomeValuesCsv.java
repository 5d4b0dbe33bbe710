package io.uptake.api;

import io.uptake.checkin.OutcomeValueInput;
import io.uptake.checkin.RecordOutcomeValues;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads measured outcome values from CSV: a header line naming {@code day}, {@code value} and, if wanted,
 * {@code source} and {@code wave} (in any order, any case), then one line per day. A line that cannot be read
 * makes the whole file refused, naming the line: values are stored all or none.
 */
final class OutcomeValuesCsv {

    static final String HEADER = "day,value[,source][,wave]";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).build();
    private static final Set<String> KNOWN = Set.of("day", "value", "source", "wave");

    /** The rows, or why the file cannot be read. */
    sealed interface Parsed {
        record Rows(List<OutcomeValueInput> rows) implements Parsed {
        }

        record Unreadable(String reason) implements Parsed {
        }
    }

    private OutcomeValuesCsv() {
    }

    static Parsed parse(String text) {
        List<String> lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            return new Parsed.Unreadable("The CSV file is empty. Send a header line " + HEADER + " and one line per "
                    + "day, e.g. 2026-11-30,44,finance-ledger.");
        }
        Optional<List<String>> names = fields(lines.get(headerLine));
        if (names.isEmpty()) {
            return new Parsed.Unreadable("The CSV header (line " + (headerLine + 1) + ") could not be read: a quoted"
                    + " name never closes. Send a header line " + HEADER + ".");
        }
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.get().size(); i++) {
            String name = names.get().get(i).toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                return new Parsed.Unreadable("The CSV header (line " + (headerLine + 1) + ") names a column '"
                        + cut(names.get().get(i)) + "' Uptake does not know; send " + HEADER + ".");
            }
            if (header.putIfAbsent(name, i) != null) {
                return new Parsed.Unreadable("The CSV header (line " + (headerLine + 1) + ") names '" + name
                        + "' twice; send " + HEADER + ".");
            }
        }
        if (!header.containsKey("day") || !header.containsKey("value")) {
            return new Parsed.Unreadable("The CSV header (line " + (headerLine + 1) + ") must name the columns "
                    + HEADER + "; missing: " + (header.containsKey("day") ? "value" : header.containsKey("value")
                    ? "day" : "day, value") + ".");
        }
        List<OutcomeValueInput> rows = new ArrayList<>();
        for (int line = headerLine + 1; line < lines.size(); line++) {
            if (lines.get(line).isBlank()) {
                continue;
            }
            if (rows.size() == RecordOutcomeValues.MAX_ROWS) {
                return new Parsed.Unreadable("A post holds at most " + RecordOutcomeValues.MAX_ROWS + " values; this"
                        + " file has more. Split it into several posts.");
            }
            Optional<List<String>> values = fields(lines.get(line));
            String where = "line " + (line + 1);
            if (values.isEmpty()) {
                return new Parsed.Unreadable(where + " could not be read: a quote opens a field that never closes on "
                        + "that line. Nothing was stored.");
            }
            if (values.get().size() > names.get().size()) {
                return new Parsed.Unreadable(where + " has " + values.get().size() + " fields but the header names "
                        + names.get().size() + ". Nothing was stored.");
            }
            rows.add(new OutcomeValueInput(line + 1, where, field(values.get(), header, "day"),
                    field(values.get(), header, "value"), field(values.get(), header, "source"),
                    field(values.get(), header, "wave")));
        }
        return rows.isEmpty() ? new Parsed.Unreadable("The CSV file holds a header but no values.")
                : new Parsed.Rows(rows);
    }

    private static String field(List<String> values, Map<String, Integer> header, String name) {
        Integer at = header.get(name);
        return at == null || at >= values.size() ? null : values.get(at);
    }

    private static String cut(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }

    private static Optional<List<String>> fields(String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? Optional.of(records.get(0).toList()) : Optional.empty();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
