package io.uptake.connect.github;

import io.uptake.catalog.UsageSpec;
import io.uptake.delivery.Sleeper;
import io.uptake.usage.SourceActivity;
import io.uptake.usage.SourcePull;
import io.uptake.usage.SourceUnavailable;
import io.uptake.usage.UsageConnector;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads GitHub Copilot use of one organisation ({@code github-copilot}).
 *
 * <p>What a pull gives, for the UTC days {@code from} to {@code to}:
 * <ol>
 *   <li><b>The seat list</b> ({@link CopilotSeats}), always: each seat whose {@code last_activity_at} falls on a day
 *       of the range gives that person one {@value SourceActivity#ANY} use on that day. It is enough on its own,
 *       but it knows only each person's latest day.</li>
 *   <li><b>The per-user usage metrics reports</b> ({@link UsageReports}), for each day of the range that is over,
 *       where GitHub publishes them: one activity per person and feature ({@link ReportRecord} says which are
 *       passive). Where a day's report gives a person activity, the seat list's {@value SourceActivity#ANY} for that
 *       person and day is left out, so a day is not counted twice and the report's finer verdict (passive or not)
 *       stands. A day without a report (204 or 404) is noted; a refusal (403) is noted and the seat list stands
 *       alone.</li>
 *   <li><b>Emails</b> ({@link SamlEmails}) where the organisation is linked to a SAML identity provider; else the
 *       activities carry logins only and the usage feature maps them through {@code github-logins}.</li>
 * </ol>
 *
 * <p>{@code deliveredThrough} is the last day of the range that had a report. With no report, only the seat list
 * speaks: it is read now, and the day {@code to} may still be running (a use later today moves a seat's
 * {@code last_activity_at}), so only the days before {@code to} are taken as complete: {@code to} minus one day.
 *
 * <p>Everything is read before anything is returned: a pull that fails part-way throws {@link SourceUnavailable}
 * and gives nothing.
 */
@Singleton
public class GitHubCopilotConnector implements UsageConnector {

    /** The name the programmes file gives this source, from the catalogue so the two cannot drift apart. */
    public static final String SOURCE = UsageSpec.GITHUB_COPILOT;

    private static final Logger LOG = LoggerFactory.getLogger(GitHubCopilotConnector.class);

    private final GitHubSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;
    /** API calls carry the token, so they follow no redirect: the token goes nowhere else. */
    private final HttpClient apiClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Report files are signed addresses, fetched without the token, wherever GitHub's storage sends them. */
    private final HttpClient downloadClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public GitHubCopilotConnector(GitHubSettings settings, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public SourcePull pull(LocalDate from, LocalDate to) throws SourceUnavailable {
        if (!configured()) {
            throw new SourceUnavailable("GitHub Copilot is not connected: set UPTAKE_GITHUB_TOKEN and "
                    + "UPTAKE_GITHUB_ORG.");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        String org = settings.org().trim();
        List<String> notes = new ArrayList<>();
        GitHubApi api = new GitHubApi(settings, apiClient, downloadClient, sleeper, clock, notes);

        List<CopilotSeats.Seat> seats = CopilotSeats.read(api, org);
        Reports reports = reports(api, org, from, to, notes);

        List<SourceActivity> activity = new ArrayList<>(reports.activity);
        Set<String> reported = new HashSet<>();
        for (SourceActivity a : reports.activity) {
            reported.add(key(a.login(), a.day()));
        }
        for (CopilotSeats.Seat seat : seats) {
            if (seat.lastActivityAt() == null) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(seat.lastActivityAt(), ZoneOffset.UTC);
            if (!day.isBefore(from) && !day.isAfter(to) && !reported.contains(key(seat.login(), day))) {
                activity.add(new SourceActivity(null, seat.login(), day, SourceActivity.ANY, 1, false));
            }
        }
        if (!activity.isEmpty()) {
            activity = withEmails(activity, SamlEmails.read(api, org, notes));
        }
        activity.sort(Comparator.comparing(SourceActivity::day).thenComparing(SourceActivity::login)
                .thenComparing(SourceActivity::feature));
        LocalDate deliveredThrough = reports.lastDay != null ? reports.lastDay : to.minusDays(1);
        LOG.info("GitHub Copilot pull of {} for {} to {}: {} seats, {} days with a report, {} activities", org,
                from, to, seats.size(), reports.days, activity.size());
        return new SourcePull(activity, deliveredThrough, false, notes);
    }

    /** What the reports of the range gave. */
    private record Reports(List<SourceActivity> activity, LocalDate lastDay, int days) {
    }

    private Reports reports(GitHubApi api, String org, LocalDate from, LocalDate to, List<String> notes)
            throws SourceUnavailable {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        LocalDate lastAsked = to.isAfter(yesterday) ? yesterday : to;
        List<SourceActivity> activity = new ArrayList<>();
        List<LocalDate> unpublished = new ArrayList<>();
        LocalDate lastDay = null;
        int days = 0;
        for (LocalDate day = from; !day.isAfter(lastAsked); day = day.plusDays(1)) {
            UsageReports.Day answer = UsageReports.read(api, org, day);
            if (answer instanceof UsageReports.Published published) {
                activity.addAll(published.activity());
                lastDay = published.day();
                days++;
            } else if (answer instanceof UsageReports.NotPublished) {
                unpublished.add(day);
            } else if (answer instanceof UsageReports.Refused refused) {
                notes.add(refused.message() + " Only the seat list was read.");
                return new Reports(List.of(), null, 0);
            }
        }
        if (!unpublished.isEmpty()) {
            notes.add("GitHub has no usage metrics report of " + org + " for " + DayRanges.of(unpublished)
                    + " (not published yet, or none for this organisation): those days have the seat list's "
                    + "latest activity only.");
        }
        if (to.isAfter(lastAsked)) {
            LocalDate firstRunning = lastAsked.isBefore(from) ? from : lastAsked.plusDays(1);
            notes.add("No usage metrics report asked for " + DayRanges.between(firstRunning, to)
                    + ": GitHub reports only days that are over.");
        }
        return new Reports(activity, lastDay, days);
    }

    private static List<SourceActivity> withEmails(List<SourceActivity> activity, Map<String, String> emails) {
        if (emails.isEmpty()) {
            return activity;
        }
        List<SourceActivity> named = new ArrayList<>(activity.size());
        for (SourceActivity a : activity) {
            String email = emails.get(a.login().toLowerCase(Locale.ROOT));
            named.add(email == null ? a
                    : new SourceActivity(email, a.login(), a.day(), a.feature(), a.count(), a.passive()));
        }
        return named;
    }

    private static String key(String login, LocalDate day) {
        return login.toLowerCase(Locale.ROOT) + " " + day;
    }
}
