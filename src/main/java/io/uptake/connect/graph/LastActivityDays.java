package io.uptake.connect.graph;

import io.micronaut.core.annotation.Nullable;
import io.uptake.usage.SourceActivity;
import io.uptake.usage.SourcePull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the Copilot usage report's rows into usage: each app's last-activity date that falls in the pulled days is
 * one use of that app's feature on that day by the person whose sign-in name (lower-cased) is the email.
 *
 * <p>The report gives a last day, not every day: a pull over many days sees at most one day per app and person,
 * the latest. Pulled daily, each day's last activity is that day's use and the usage feature keeps each one; when
 * Microsoft's refresh moves the report forward several days at once, only the last of those days is seen.
 * A last day of Copilot use in an app the report does not break out (its overall {@code lastActivityDate} on a day
 * no app's date matches) is recorded as {@value SourceActivity#ANY}.
 *
 * <p>When the tenant conceals names in its reports, the rows carry opaque hashes instead of sign-in names: then
 * nothing can be matched to a person, so the pull is marked anonymised, counts nothing and says what to change.
 */
final class LastActivityDays {

    static final String CONCEALED_NAMES = "Microsoft 365 conceals user names in this tenant's usage reports, so "
            + "the Copilot usage report names nobody and no use was counted. A Global Administrator can show them: "
            + "Microsoft 365 admin centre > Settings > Org settings > Services > Reports, clear \"Display concealed "
            + "user, group, and site names in all reports\" and save; or through Graph, PATCH "
            + "/v1.0/admin/reportSettings with {\"displayConcealedNames\": false}, which needs the "
            + "ReportSettings.ReadWrite.All permission "
            + "(Uptake's app needs only Reports.Read.All and does not change it). The setting applies to every "
            + "Microsoft 365 usage report of the tenant.";

    private LastActivityDays() {
    }

    static SourcePull read(List<ReportRow> rows, LocalDate from, LocalDate to, List<String> earlierNotes) {
        List<String> notes = new ArrayList<>(earlierNotes);
        List<ReportRow> named = rows.stream().filter(row -> row.userPrincipalName() != null).toList();
        if (named.isEmpty()) {
            notes.add("The Copilot usage report listed nobody: it lists only people with a Microsoft 365 Copilot "
                    + "licence.");
            return new SourcePull(List.of(), null, false, notes);
        }
        List<ReportRow> withEmail = named.stream().filter(row -> row.userPrincipalName().contains("@")).toList();
        int concealed = named.size() - withEmail.size();
        if (concealed * 2 > named.size()) {
            notes.add(CONCEALED_NAMES);
            return new SourcePull(List.of(), null, true, notes);
        }
        if (concealed > 0) {
            notes.add(concealed + " of the report's " + named.size() + " rows named no email address and were "
                    + "left out.");
        }
        LocalDate refreshed = withEmail.stream().map(ReportRow::reportRefreshDate).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
        Set<SourceActivity> activity = new LinkedHashSet<>();
        for (ReportRow row : withEmail) {
            String email = row.userPrincipalName().toLowerCase(Locale.ROOT);
            for (Map.Entry<CopilotApp, LocalDate> app : row.appDays().entrySet()) {
                if (within(app.getValue(), from, to)) {
                    activity.add(new SourceActivity(email, null, app.getValue(), app.getKey().feature(), 1, false));
                }
            }
            LocalDate last = row.lastActivityDate();
            if (within(last, from, to) && !row.appDays().containsValue(last)) {
                activity.add(new SourceActivity(email, null, last, SourceActivity.ANY, 1, false));
            }
        }
        notes.addAll(coverage(refreshed, from, to));
        return new SourcePull(List.copyOf(activity), refreshed, false, notes);
    }

    /** What the report could not say about the pulled days: those after its refresh date, and all but the last. */
    private static List<String> coverage(@Nullable LocalDate refreshed, LocalDate from, LocalDate to) {
        List<String> notes = new ArrayList<>();
        if (refreshed == null) {
            notes.add("The Copilot usage report gave no refresh date, so the days it covers are unknown.");
            return notes;
        }
        if (refreshed.isBefore(to)) {
            LocalDate next = refreshed.plusDays(1);
            notes.add("Microsoft has published the Copilot usage report through " + refreshed + " (it lags a few "
                    + "days); " + (next.isBefore(to) ? next + " to " + to : to.toString())
                    + " will come with a later pull.");
        }
        LocalDate lastReported = refreshed.isBefore(to) ? refreshed : to;
        if (lastReported.isAfter(from)) {
            notes.add("The report gives each person's last day of Copilot use in each app, so over " + from + " to "
                    + lastReported + " only that last day is known. Pulled daily, each new last day is kept as the "
                    + "report moves forward; when it moves several days at once, only the last of them is seen.");
        }
        return notes;
    }

    private static boolean within(@Nullable LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
