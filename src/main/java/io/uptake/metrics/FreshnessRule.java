package io.uptake.metrics;

import io.uptake.catalog.UsageSpec;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one source's freshness on a day: late when its newest delivered day is more than its expected lag behind
 * that day, or when it has delivered nothing; flagged too when it hid who its users are. Pure, so the lag boundary
 * is tested without a database.
 */
final class FreshnessRule {

    private FreshnessRule() {
    }

    /**
     * @param dataAsOf   the newest day delivered, or null when none
     * @param anonymised whether the last delivery hid its users' names
     * @param pullFailed whether the last pull or upload failed
     * @param today      the day to judge on (UTC)
     * @param lagDays    the days the source may be behind
     */
    static Freshness judge(String source, LocalDate dataAsOf, boolean anonymised, boolean pullFailed,
                           LocalDate today, int lagDays) {
        Integer behind = dataAsOf == null ? null : (int) Math.max(0, ChronoUnit.DAYS.between(dataAsOf, today));
        boolean stale = behind == null || behind > lagDays;
        String name = name(source);
        List<String> notes = new ArrayList<>();
        if (anonymised) {
            notes.add("usage hidden: " + name + " conceals who its users are, so no use can be counted until an admin"
                    + " lets its reports show user names");
        }
        String failed = pullFailed ? "; its last pull failed" : "";
        if (behind == null) {
            notes.add("usage data missing: " + name + " has delivered no usage yet" + failed);
        } else if (stale) {
            notes.add("usage data late: the newest day from " + name + " is " + dataAsOf + ", " + days(behind)
                    + " ago (expected within " + days(lagDays) + ")" + failed);
        }
        return new Freshness(source, name, dataAsOf, behind, lagDays, stale, anonymised, pullFailed, notes);
    }

    /** The source in words: "GitHub Copilot", "Microsoft 365 Copilot", "the chatgpt CSV export", "usage files". */
    static String name(String source) {
        if (UsageSpec.GITHUB_COPILOT.equals(source)) {
            return "GitHub Copilot";
        }
        if (UsageSpec.MICROSOFT_365_COPILOT.equals(source)) {
            return "Microsoft 365 Copilot";
        }
        if (source.startsWith(UsageSpec.CSV_PREFIX)) {
            return "the " + source.substring(UsageSpec.CSV_PREFIX.length()) + " CSV export";
        }
        return Freshness.FILE.equals(source) ? "the usage files posted" : source;
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
