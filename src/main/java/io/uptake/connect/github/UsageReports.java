package io.uptake.connect.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.uptake.usage.SourceActivity;
import io.uptake.usage.SourceUnavailable;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one day's per-user Copilot usage metrics report of an organisation: {@code GET
 * /orgs/{org}/copilot/metrics/reports/users-1-day?day=YYYY-MM-DD} ("Get Copilot organization users usage metrics
 * for a specific day" in GitHub's REST reference) answers {@code {download_links: [...], report_day}}, and each
 * link is a signed, short-lived file of newline-delimited JSON, one record per user (see {@link ReportRecord}).
 *
 * <p>GitHub publishes a report only for a day that is over and processed, from October 2025 on. 204 or 404 for a
 * day means no report for it (not yet, or not for this organisation). Any other refusal (403: the token lacks the
 * permission, or the organisation's "Copilot usage metrics" policy is off) means the reports cannot be read.
 */
final class UsageReports {

    /** What GitHub had for one day. */
    sealed interface Day permits Published, NotPublished, Refused {
    }

    /** The report exists; its records gave these activities (none when nobody used Copilot). */
    record Published(LocalDate day, List<SourceActivity> activity) implements Day {
    }

    /** No report for the day (204 or 404). */
    record NotPublished(LocalDate day) implements Day {
    }

    /** The reports cannot be read with this token or for this organisation; the message says why. */
    record Refused(String message) implements Day {
    }

    private UsageReports() {
    }

    static Day read(GitHubApi api, String org, LocalDate day) throws SourceUnavailable {
        String what = "the Copilot usage metrics report of " + org + " for " + day;
        URI uri = api.rest("/orgs/" + URLEncoder.encode(org, StandardCharsets.UTF_8)
                + "/copilot/metrics/reports/users-1-day?day=" + day);
        GitHubApi.Answer answer = api.get(uri, what);
        if (answer.status() == 204 || answer.status() == 404) {
            return new NotPublished(day);
        }
        if (answer.status() != 200) {
            String github = answer.githubMessage();
            return new Refused("GitHub refused the Copilot usage metrics reports of " + org + " ("
                    + answer.status() + "): the token needs the read:org scope (classic) or the \"Organization "
                    + "Copilot metrics\" organisation permission, read (fine-grained), and the organisation's "
                    + "\"Copilot usage metrics\" policy must be on." + (github.isEmpty() ? "" : " GitHub said: "
                    + github));
        }
        JsonNode body = GitHubApi.json(answer.body(), what);
        JsonNode links = body.path("download_links");
        if (!links.isArray()) {
            throw new SourceUnavailable(GitHubApi.malformed(what, "no \"download_links\" list"));
        }
        LocalDate reportDay = reportDay(body, day, what);
        List<SourceActivity> activity = new ArrayList<>();
        int file = 0;
        for (JsonNode link : links) {
            file++;
            download(api, link(link, what), reportDay, what + " (file " + file + ")", activity);
        }
        return new Published(reportDay, activity);
    }

    private static void download(GitHubApi api, URI link, LocalDate day, String what, List<SourceActivity> into)
            throws SourceUnavailable {
        int status = api.download(link, what, (number, line) -> {
            if (line.isBlank()) {
                return;
            }
            JsonNode parsed;
            try {
                parsed = GitHubApi.JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new SourceUnavailable(GitHubApi.malformed(what, "line " + number + ": "
                        + e.getOriginalMessage()), e);
            }
            // NDJSON holds one record a line; GitHub's example schema shows records in an array, so take both.
            for (JsonNode record : parsed.isArray() ? parsed : List.of(parsed)) {
                if (!record.isObject()) {
                    throw new SourceUnavailable(GitHubApi.malformed(what, "line " + number + " is not a record"));
                }
                into.addAll(ReportRecord.activities(record, day));
            }
        });
        if (status != 200) {
            throw new SourceUnavailable("GitHub's file of " + what + " could not be downloaded (" + status
                    + "); nothing from this pull was stored, and the next pull asks for a fresh link.");
        }
    }

    private static LocalDate reportDay(JsonNode body, LocalDate asked, String what) throws SourceUnavailable {
        JsonNode reportDay = body.path("report_day");
        if (!reportDay.isTextual()) {
            return asked;
        }
        try {
            LocalDate day = LocalDate.parse(reportDay.asText());
            if (!day.equals(asked)) {
                throw new SourceUnavailable(GitHubApi.malformed(what, "it is the report of " + day));
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new SourceUnavailable(GitHubApi.malformed(what, "report_day \"" + reportDay.asText()
                    + "\" is not a day"), e);
        }
    }

    private static URI link(JsonNode link, String what) throws SourceUnavailable {
        try {
            URI uri = new URI(link.asText(""));
            String scheme = String.valueOf(uri.getScheme()).toLowerCase();
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new SourceUnavailable(GitHubApi.malformed(what, "a download link is not a web address"));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SourceUnavailable(GitHubApi.malformed(what, "a download link is not a web address"), e);
        }
    }
}
