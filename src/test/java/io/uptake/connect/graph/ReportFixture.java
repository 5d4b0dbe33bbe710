package io.uptake.connect.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.usage.SourceActivity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Pages of the Copilot usage report in the JSON Microsoft documents for
 * {@code GET /beta/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='D7')}, and the usage a test
 * expects from them, worked out here from the rows and the documented field names, not by the connector's code.
 */
final class ReportFixture {

    /** Each app's last-activity field as Microsoft documents it, and the feature name the README gives it. */
    static final Map<String, String> FEATURES = orderedFeatures();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One person's row; {@code apps} maps a last-activity field to its date, the other apps have none. */
    record Row(String upn, LocalDate refresh, LocalDate lastActivity, Map<String, LocalDate> apps) {
    }

    private ReportFixture() {
    }

    private static Map<String, String> orderedFeatures() {
        Map<String, String> features = new LinkedHashMap<>();
        features.put("microsoftTeamsCopilotLastActivityDate", "teams");
        features.put("wordCopilotLastActivityDate", "word");
        features.put("outlookCopilotLastActivityDate", "outlook");
        features.put("excelCopilotLastActivityDate", "excel");
        features.put("powerPointCopilotLastActivityDate", "powerpoint");
        features.put("oneNoteCopilotLastActivityDate", "onenote");
        features.put("loopCopilotLastActivityDate", "loop");
        features.put("copilotChatLastActivityDate", "copilot-chat");
        return features;
    }

    static Row row(String upn, LocalDate refresh, LocalDate lastActivity, Map<String, LocalDate> apps) {
        return new Row(upn, refresh, lastActivity, apps);
    }

    /**
     * {@code people} rows whose app dates fall in the 30 days up to {@code refresh}, about half the apps each; most
     * last-activity dates are the latest app date, some a later day in an app not broken out, some none at all.
     */
    static List<Row> people(int people, LocalDate refresh, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int person = 1; person <= people; person++) {
            Map<String, LocalDate> apps = new LinkedHashMap<>();
            for (String field : FEATURES.keySet()) {
                if (random.nextBoolean()) {
                    apps.put(field, refresh.minusDays(random.nextInt(30)));
                }
            }
            LocalDate last = apps.values().stream().max(LocalDate::compareTo).orElse(null);
            if (last != null && last.isBefore(refresh) && random.nextInt(5) == 0) {
                last = last.plusDays(1);
            }
            String upn = (person % 3 == 0 ? "Person." : "person.") + person + "@Contoso.example";
            rows.add(new Row(upn, refresh, last, apps));
        }
        return rows;
    }

    /**
     * A page as Graph answers it: {@code @odata.context}, {@code value} and, unless null, {@code @odata.nextLink}.
     * Apps without a date are written as {@code ""} on even rows (as the current docs show) and as {@code null} on
     * odd ones (as earlier docs did).
     */
    static String page(List<Row> rows, String nextLink) {
        ObjectNode page = JSON.createObjectNode();
        page.put("@odata.context", "https://graph.microsoft.com/beta/$metadata#reports");
        ArrayNode value = page.putArray("value");
        int index = 0;
        for (Row row : rows) {
            ObjectNode item = value.addObject();
            item.put("reportRefreshDate", row.refresh().toString());
            item.put("userPrincipalName", row.upn());
            item.put("displayName", "Display " + index);
            put(item, "lastActivityDate", row.lastActivity(), index);
            for (String field : FEATURES.keySet()) {
                put(item, field, row.apps().get(field), index);
            }
            item.putArray("copilotActivityUserDetailsByPeriod").addObject().put("reportPeriod", 7);
            index++;
        }
        if (nextLink != null) {
            page.put("@odata.nextLink", nextLink);
        }
        return page.toString();
    }

    private static void put(ObjectNode item, String field, LocalDate day, int index) {
        if (day != null) {
            item.put(field, day.toString());
        } else if (index % 2 == 0) {
            item.put(field, "");
        } else {
            item.putNull(field);
        }
    }

    /**
     * The uses these rows report for {@code from} to {@code to}: each app date in the range, by the lower-cased
     * sign-in name; and a last-activity date in the range that no app date equals, as feature {@code any}.
     */
    static Set<SourceActivity> expected(List<Row> rows, LocalDate from, LocalDate to) {
        Set<SourceActivity> uses = new LinkedHashSet<>();
        for (Row row : rows) {
            String email = row.upn().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, LocalDate> app : row.apps().entrySet()) {
                if (!app.getValue().isBefore(from) && !app.getValue().isAfter(to)) {
                    uses.add(new SourceActivity(email, null, app.getValue(), FEATURES.get(app.getKey()), 1, false));
                }
            }
            LocalDate last = row.lastActivity();
            if (last != null && !last.isBefore(from) && !last.isAfter(to) && !row.apps().containsValue(last)) {
                uses.add(new SourceActivity(email, null, last, "any", 1, false));
            }
        }
        return uses;
    }
}
