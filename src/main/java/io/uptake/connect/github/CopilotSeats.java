package io.uptake.connect.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.uptake.usage.SourceUnavailable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads every page of an organisation's Copilot seat list, {@code GET /orgs/{org}/copilot/billing/seats} ("List all
 * Copilot seat assignments for an organization" in GitHub's REST reference): {@code {total_seats, seats: [{assignee:
 * {login, type, ...}, last_activity_at, last_activity_editor, ...}]}}, 100 seats a page, following the {@code Link}
 * header's {@code rel="next"}.
 *
 * <p>{@code last_activity_at} is the time of the person's latest Copilot activity of any kind (GitHub counts
 * receiving a suggestion in an IDE, chat in an IDE, on github.com, on mobile and in the CLI, a pull request summary);
 * it is null after 90 days without any.
 */
final class CopilotSeats {

    /** One seat: whose it is and when they last used Copilot, if within GitHub's 90 days. */
    record Seat(String login, @Nullable Instant lastActivityAt) {
    }

    static final int PER_PAGE = 100;

    /** More pages than 100,000 seats take means GitHub's links go round in a circle. */
    private static final int MOST_PAGES = 1_000;

    private CopilotSeats() {
    }

    static List<Seat> read(GitHubApi api, String org) throws SourceUnavailable {
        String what = "the Copilot seat list of " + org;
        URI page = api.rest("/orgs/" + URLEncoder.encode(org, StandardCharsets.UTF_8)
                + "/copilot/billing/seats?per_page=" + PER_PAGE + "&page=1");
        List<Seat> seats = new ArrayList<>();
        for (int pages = 0; page != null; pages++) {
            if (pages == MOST_PAGES) {
                throw new SourceUnavailable("GitHub's seat list of " + org + " went on past " + MOST_PAGES
                        + " pages; nothing from this pull was stored.");
            }
            GitHubApi.Answer answer = api.get(page, what);
            if (answer.status() != 200) {
                throw new SourceUnavailable(refused(org, answer));
            }
            JsonNode body = GitHubApi.json(answer.body(), what);
            JsonNode list = body.path("seats");
            if (!list.isArray()) {
                throw new SourceUnavailable(GitHubApi.malformed(what, "no \"seats\" list"));
            }
            for (JsonNode seat : list) {
                seat(seat, what).ifPresent(seats::add);
            }
            page = GitHubApi.nextPage(answer.headers()).orElse(null);
        }
        return seats;
    }

    /** A seat held by a user; a seat whose assignee is not a user with a login names nobody and is left out. */
    private static Optional<Seat> seat(JsonNode seat, String what) throws SourceUnavailable {
        JsonNode assignee = seat.path("assignee");
        String type = assignee.path("type").asText("User");
        String login = assignee.path("login").asText("");
        if (!"User".equalsIgnoreCase(type) || login.isBlank()) {
            return Optional.empty();
        }
        JsonNode last = seat.path("last_activity_at");
        if (last.isNull() || last.isMissingNode()) {
            return Optional.of(new Seat(login, null));
        }
        try {
            return Optional.of(new Seat(login, OffsetDateTime.parse(last.asText()).toInstant()));
        } catch (DateTimeParseException e) {
            throw new SourceUnavailable(GitHubApi.malformed(what, "last_activity_at \"" + last.asText()
                    + "\" is not a date and time"), e);
        }
    }

    private static String refused(String org, GitHubApi.Answer answer) {
        String github = answer.githubMessage();
        String said = github.isEmpty() ? "" : " GitHub said: " + github;
        return switch (answer.status()) {
            case 403 -> "GitHub refused the Copilot seat list of " + org + " (403): the token's owner must be an "
                    + "owner of the organisation, and the token needs the read:org scope (classic) or the "
                    + "\"GitHub Copilot Business\" organisation permission, read (fine-grained)." + said;
            case 404 -> "GitHub found no Copilot seat list for " + org + " (404): check UPTAKE_GITHUB_ORG and that "
                    + "the organisation has a Copilot Business or Enterprise subscription." + said;
            default -> "GitHub refused the Copilot seat list of " + org + " (" + answer.status() + ")." + said;
        };
    }
}
