package io.uptake.chat.slack;

import java.util.Map;
import java.util.TreeMap;

/** One series' value read from a scrape of {@code GET /prometheus}, whatever order its labels come in. */
final class PrometheusSeries {

    private PrometheusSeries() {
    }

    /** The value of {@code name} with (at least) these labels; 0 when the scrape has no such series. */
    static double value(String scrape, String name, Map<String, String> labels) {
        Map<String, String> wanted = new TreeMap<>(labels);
        for (String line : scrape.split("\n")) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && wanted.entrySet().stream()
                    .allMatch(l -> line.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
