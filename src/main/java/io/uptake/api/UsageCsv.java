package io.uptake.api;

import io.uptake.usage.UsageInput;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a usage CSV file (header {@code workflow,email,day,count}, or {@code chat_id} for email) into rows. */
final class UsageCsv {

    /** What a file holds. */
    sealed interface Parsed {
        record Rows(List<UsageInput> rows) implements Parsed {
        }

        record Unreadable(String reason) implements Parsed {
        }

        record TooLarge() implements Parsed {
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).setIgnoreHeaderCase(true).build();

    private UsageCsv() {
    }

    static Parsed parse(String text, int maxRows) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1)
                : text), FORMAT)) {
            Map<String, Integer> named = parser.getHeaderMap() == null ? Map.of() : parser.getHeaderMap();
            Map<String, Integer> header = named.entrySet().stream().collect(Collectors.toMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
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
            for (CSVRecord record : parser) {
                if (rows.size() == maxRows) {
                    return new Parsed.TooLarge();
                }
                rows.add(new UsageInput(rows.size() + 1, get(record, header, "workflow"), get(record, header, "email"),
                        get(record, header, "chat_id"), get(record, header, "day"), get(record, header, "count")));
            }
            return rows.isEmpty() ? new Parsed.Unreadable("The CSV file holds a header but no rows.")
                    : new Parsed.Rows(rows);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | IOException e) {
            return new Parsed.Unreadable("The CSV file could not be read: " + firstLine(e.getMessage())
                    + ". Send a header line workflow,email,day,count and one row per person and day.");
        }
    }

    private static String get(CSVRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null || index >= record.size() ? null : record.get(index);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        String line = message.lines().findFirst().orElse("malformed");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
