package io.uptake.connect.graph;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.Map;

/**
 * One person's row of the Copilot usage report.
 *
 * @param userPrincipalName their sign-in name, or an opaque hash when the tenant conceals names in reports
 * @param reportRefreshDate the newest day the report covers
 * @param lastActivityDate  their last day of Copilot use in any app, the ones not broken out included
 * @param appDays           their last day of Copilot use in each app that has one
 */
record ReportRow(@Nullable String userPrincipalName, @Nullable LocalDate reportRefreshDate,
                 @Nullable LocalDate lastActivityDate, Map<CopilotApp, LocalDate> appDays) {

    ReportRow {
        appDays = Map.copyOf(appDays);
    }
}
