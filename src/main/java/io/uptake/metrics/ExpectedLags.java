package io.uptake.metrics;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.uptake.catalog.UsageSpec;

/**
 * How many days behind today each usage source may be before its figures are called late: a source whose newest
 * delivered day is further back than this is stale. Read at startup, so a lag below one day (every source would
 * always be late) stops the service with a message instead.
 *
 * <p>Defaults, and why:
 * <ul>
 *   <li>{@code github-copilot}, 2 days: seat activity is near real time, but GitHub says updating a user's
 *       {@code last_activity_at} "can take up to 24 hours" (docs.github.com/copilot/reference/metrics-data), and
 *       its usage metrics reports each cover "a complete day for which data has been processed"
 *       (docs.github.com/rest/copilot/copilot-usage-metrics): yesterday, plus a day of processing.</li>
 *   <li>{@code microsoft-365-copilot}, 5 days: Microsoft says the Copilot usage report's data "can have up to a
 *       maximum of 72 hours latency" (learn.microsoft.com/microsoft-365/admin/activity-reports/
 *       microsoft-365-copilot-usage) and that its usage reports "might sometimes take several days to become
 *       available" (learn.microsoft.com/microsoft-365/admin/activity-reports/activity-reports): three days of
 *       latency, the day the report covers, and a day's margin.</li>
 *   <li>{@code csv:<profile>} and {@code file}, 8 days: exports an admin takes by hand, usually weekly, so a week
 *       and a day.</li>
 * </ul>
 */
@Context
public class ExpectedLags {

    private final int githubCopilot;
    private final int microsoft365Copilot;
    private final int csv;
    private final int file;

    ExpectedLags(@Value("${uptake.usage.expected-lag.github-copilot:2}") int githubCopilot,
                 @Value("${uptake.usage.expected-lag.microsoft-365-copilot:5}") int microsoft365Copilot,
                 @Value("${uptake.usage.expected-lag.csv:8}") int csv,
                 @Value("${uptake.usage.expected-lag.file:8}") int file) {
        this.githubCopilot = check("github-copilot", githubCopilot);
        this.microsoft365Copilot = check("microsoft-365-copilot", microsoft365Copilot);
        this.csv = check("csv", csv);
        this.file = check("file", file);
    }

    /** The defaults above. */
    public static ExpectedLags defaults() {
        return new ExpectedLags(2, 5, 8, 8);
    }

    private static int check(String key, int days) {
        if (days < 1) {
            throw new IllegalStateException("uptake.usage.expected-lag." + key + " is " + days + " but must be at"
                    + " least 1 day: no source delivers today's use in full today, so it would always be late.");
        }
        return days;
    }

    /** The days {@code source} may be behind today; a source Uptake does not know is taken as a weekly export. */
    public int days(String source) {
        if (UsageSpec.GITHUB_COPILOT.equals(source)) {
            return githubCopilot;
        }
        if (UsageSpec.MICROSOFT_365_COPILOT.equals(source)) {
            return microsoft365Copilot;
        }
        return source.startsWith(UsageSpec.CSV_PREFIX) ? csv : file;
    }
}
