package io.uptake.connect.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One page of the Copilot usage report as Graph's beta endpoint answers it in JSON: {@code value}, an array of rows
 * with {@code reportRefreshDate}, {@code userPrincipalName}, {@code lastActivityDate} and one
 * {@code ...CopilotLastActivityDate} per app (a {@code yyyy-MM-dd} date, or empty or null when none), and
 * {@code @odata.nextLink} when more pages follow.
 *
 * @param nextLink the next page's full address, or null on the last page
 */
record ReportPage(List<ReportRow> rows, @Nullable String nextLink) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A date, or a date and time of which the date is taken. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T.*)?");

    ReportPage {
        rows = List.copyOf(rows);
    }

    static ReportPage read(String body) throws MalformedReport {
        JsonNode page;
        try {
            page = JSON.readTree(body);
        } catch (IOException notJson) {
            throw new MalformedReport("Graph's Copilot usage report page is not JSON.");
        }
        if (page == null || !page.isObject() || !page.path("value").isArray()) {
            throw new MalformedReport("Graph's Copilot usage report page has no \"value\" list of rows.");
        }
        List<ReportRow> rows = new ArrayList<>();
        int number = 0;
        for (JsonNode row : page.get("value")) {
            number++;
            if (!row.isObject()) {
                throw new MalformedReport("Row " + number + " of Graph's Copilot usage report page is not an object.");
            }
            Map<CopilotApp, LocalDate> appDays = new EnumMap<>(CopilotApp.class);
            for (CopilotApp app : CopilotApp.values()) {
                LocalDate day = date(row, app.field(), number);
                if (day != null) {
                    appDays.put(app, day);
                }
            }
            rows.add(new ReportRow(text(row, "userPrincipalName"), date(row, "reportRefreshDate", number),
                    date(row, "lastActivityDate", number), appDays));
        }
        return new ReportPage(rows, text(page, "@odata.nextLink"));
    }

    @Nullable
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().trim() : null;
    }

    @Nullable
    private static LocalDate date(JsonNode row, String field, int number) throws MalformedReport {
        JsonNode value = row.path(field);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        String text = value.isTextual() ? value.asText().trim() : "";
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (DateTimeParseException impossibleDate) {
                // falls through to the refusal below
            }
        }
        throw new MalformedReport("Row " + number + " of Graph's Copilot usage report has a " + field
                + " that is not a date.");
    }
}
