package io.uptake.catalog;

import java.util.Optional;

/**
 * How to read one tool's user-activity export (a ChatGPT Enterprise or Gemini report, say): which of its columns
 * name the person, the day, the count and the feature. Columns are matched by header, ignoring case.
 *
 * @param person    the column holding the person's email
 * @param day       the column holding the day
 * @param dayFormat the day's pattern ({@code yyyy-MM-dd} unless the file says otherwise, e.g. {@code MM/dd/yyyy});
 *                  a timestamp's leading date is used
 * @param count     the column holding how often it was used that day; without one each row counts once
 * @param feature   the column naming the feature used, matched against a workflow's {@code usage.features}
 */
public record CsvProfile(String name, String person, String day, String dayFormat, Optional<String> count,
                         Optional<String> feature) {

    public static final String ISO_DAY = "yyyy-MM-dd";
}
