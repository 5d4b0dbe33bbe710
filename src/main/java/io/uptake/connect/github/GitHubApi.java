package io.uptake.connect.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.delivery.Sleeper;
import io.uptake.usage.SourceUnavailable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's REST and GraphQL APIs for one pull: sends the token, waits out rate limits, retries server errors, and
 * turns a refused token into a message an admin can act on. One instance per pull, so its notes are that pull's.
 *
 * <p>Rate limits follow GitHub's "Rate limits for the REST API" page: a 429, or a 403 carrying {@code retry-after}
 * or {@code x-ratelimit-remaining: 0}, is waited out ({@code retry-after} seconds, or until the epoch second in
 * {@code x-ratelimit-reset}, or a minute for a bare 429) through the {@link Sleeper}, at most
 * {@value #RATE_LIMIT_WAITS} times a call and never longer than {@link #LONGEST_WAIT} at once: a longer wait fails
 * the pull with the time the limit lifts, and the next pull tries again. Server errors (5xx) and broken
 * connections are tried {@value #SERVER_RETRIES} more times, two and four seconds apart.
 */
final class GitHubApi {

    static final int RATE_LIMIT_WAITS = 3;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    static final int SERVER_RETRIES = 2;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);

    /** The most of one JSON answer read into memory; a seat page or a GraphQL page is far smaller. */
    private static final int LONGEST_BODY = 16 * 1024 * 1024;

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** An answer whose body was read whole. */
    record Answer(int status, HttpHeaders headers, String body) {

        /** GitHub's own explanation in an error body ({@code {"message": ...}}), or an empty string. */
        String githubMessage() {
            try {
                JsonNode message = JSON.readTree(body).path("message");
                return message.isTextual() ? shorten(message.asText()) : "";
            } catch (JsonProcessingException | RuntimeException e) {
                return "";
            }
        }
    }

    /** Receives the lines of a downloaded file, one at a time. */
    interface Lines {
        void accept(int number, String line) throws SourceUnavailable;
    }

    private final GitHubSettings settings;
    private final HttpClient http;
    private final HttpClient downloads;
    private final Sleeper sleeper;
    private final Clock clock;
    private final List<String> notes;

    GitHubApi(GitHubSettings settings, HttpClient http, HttpClient downloads, Sleeper sleeper, Clock clock,
              List<String> notes) {
        this.settings = settings;
        this.http = http;
        this.downloads = downloads;
        this.sleeper = sleeper;
        this.clock = clock;
        this.notes = notes;
    }

    /** A REST path under the API base, such as {@code /orgs/acme/copilot/billing/seats?per_page=100}. */
    URI rest(String pathAndQuery) {
        return URI.create(settings.restBase() + pathAndQuery);
    }

    /** GETs a REST address with the token; {@code what} names the call in messages. */
    Answer get(URI uri, String what) throws SourceUnavailable {
        requireSameHost(uri, what);
        HttpRequest request = authorised(HttpRequest.newBuilder(uri)).GET().timeout(REQUEST_TIMEOUT).build();
        return read(exchange(http, request, what, true), what);
    }

    /** POSTs a GraphQL query with the token. */
    Answer graphql(String body, String what) throws SourceUnavailable {
        HttpRequest request = authorised(HttpRequest.newBuilder(settings.graphqlUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(REQUEST_TIMEOUT).build();
        return read(exchange(http, request, what, true), what);
    }

    /**
     * Downloads a signed report file line by line. The token is not sent: the address is signed, and it may lie on
     * another host than the API.
     *
     * @return the status: 200 when every line was given to {@code lines}
     */
    int download(URI uri, String what, Lines lines) throws SourceUnavailable {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(DOWNLOAD_TIMEOUT).build();
        HttpResponse<InputStream> response = exchange(downloads, request, what, false);
        if (response.statusCode() != 200) {
            discard(response);
            return response.statusCode();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                lines.accept(number, line);
            }
        } catch (IOException e) {
            throw new SourceUnavailable("The download of " + what + " from GitHub broke off (" + describe(e)
                    + "); nothing from this pull was stored.", e);
        }
        return 200;
    }

    /** Parses an answer's body as JSON; a body that is not JSON fails the pull with a plain message. */
    static JsonNode json(String body, String what) throws SourceUnavailable {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new SourceUnavailable(malformed(what, "the body is empty"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SourceUnavailable(malformed(what, e.getOriginalMessage()), e);
        }
    }

    static String malformed(String what, String why) {
        return "GitHub's answer to " + what + " is not the JSON GitHub documents (" + shorten(why)
                + "); nothing from this pull was stored.";
    }

    /** The {@code rel="next"} address of a paginated answer's {@code Link} header. */
    static Optional<URI> nextPage(HttpHeaders headers) {
        for (String link : headers.allValues("link")) {
            Matcher next = NEXT.matcher(link);
            if (next.find()) {
                return Optional.of(URI.create(next.group(1).trim()));
            }
        }
        return Optional.empty();
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder builder) {
        return builder.header("Authorization", "Bearer " + settings.token().trim())
                .header("Accept", "application/vnd.github+json")
                .header("User-Agent", "uptake");
    }

    /** The token goes only to the API's own host, whatever a {@code Link} header says. */
    private void requireSameHost(URI uri, String what) throws SourceUnavailable {
        URI base = URI.create(settings.restBase());
        boolean same = base.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                && base.getHost().equalsIgnoreCase(String.valueOf(uri.getHost())) && base.getPort() == uri.getPort();
        if (!same) {
            throw new SourceUnavailable("GitHub pointed " + what + " at another host (" + uri.getHost()
                    + ") than UPTAKE_GITHUB_API_URL; the token was not sent there and nothing was stored.");
        }
    }

    private HttpResponse<InputStream> exchange(HttpClient client, HttpRequest request, String what,
                                               boolean tokenSent)
            throws SourceUnavailable {
        int rateLimitWaits = 0;
        int serverRetries = 0;
        while (true) {
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (serverRetries < SERVER_RETRIES) {
                    serverRetries++;
                    notes.add("GitHub did not answer " + what + " (" + describe(e) + "); asked again.");
                    pause(Duration.ofSeconds(2L * serverRetries));
                    continue;
                }
                throw new SourceUnavailable("Could not reach GitHub at " + settings.restBase() + " for " + what
                        + " (" + describe(e) + ", " + (SERVER_RETRIES + 1) + " tries); the next pull tries again.", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceUnavailable("The pull from GitHub was interrupted; nothing was stored.", e);
            }
            int status = response.statusCode();
            if (tokenSent && status == 401) {
                discard(response);
                throw new SourceUnavailable(tokenRefused(what));
            }
            Optional<Duration> limited = rateLimitWait(response);
            if (limited.isPresent()) {
                discard(response);
                Duration wait = limited.get();
                if (rateLimitWaits == RATE_LIMIT_WAITS) {
                    throw new SourceUnavailable("GitHub's rate limit still refused " + what + " after "
                            + RATE_LIMIT_WAITS + " waits; the next pull tries again.");
                }
                if (wait.compareTo(LONGEST_WAIT) > 0) {
                    throw new SourceUnavailable("GitHub's rate limit refuses " + what + " until "
                            + TIME_OF_DAY.format(clock.instant().plus(wait)) + ", longer than a pull waits ("
                            + LONGEST_WAIT.toSeconds() + " s); the next pull after that tries again.");
                }
                rateLimitWaits++;
                notes.add("GitHub's rate limit: waited " + wait.toSeconds() + " s before asking again for " + what
                        + ".");
                pause(wait);
                continue;
            }
            if (status >= 500) {
                discard(response);
                if (serverRetries < SERVER_RETRIES) {
                    serverRetries++;
                    notes.add("GitHub answered " + status + " to " + what + "; asked again.");
                    pause(Duration.ofSeconds(2L * serverRetries));
                    continue;
                }
                throw new SourceUnavailable("GitHub answered " + status + " to " + what + " " + (SERVER_RETRIES + 1)
                        + " times; the next pull tries again.");
            }
            return response;
        }
    }

    private String tokenRefused(String what) {
        return "GitHub refused the token (401) when asked for " + what + ": it is wrong, expired or revoked. Create"
                + " a new token as an owner of " + settings.org() + " (classic: scope read:org; fine-grained: the "
                + "organisation's \"GitHub Copilot Business\" and \"Organization Copilot metrics\" permissions, "
                + "read) and set it in UPTAKE_GITHUB_TOKEN.";
    }

    /** How long GitHub asks to wait before calling again, when this answer is a rate limit. */
    private Optional<Duration> rateLimitWait(HttpResponse<?> response) {
        int status = response.statusCode();
        if (status != 429 && status != 403) {
            return Optional.empty();
        }
        Optional<String> retryAfter = response.headers().firstValue("retry-after");
        if (retryAfter.isPresent()) {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.get().trim()))));
            } catch (NumberFormatException e) {
                return Optional.of(LONGEST_WAIT);
            }
        }
        Optional<String> remaining = response.headers().firstValue("x-ratelimit-remaining");
        Optional<String> reset = response.headers().firstValue("x-ratelimit-reset");
        if (remaining.map(value -> value.trim().equals("0")).orElse(false) && reset.isPresent()) {
            try {
                Instant at = Instant.ofEpochSecond(Long.parseLong(reset.get().trim()));
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (NumberFormatException e) {
                return Optional.of(LONGEST_WAIT);
            }
        }
        // A bare 429: GitHub's guidance is to wait at least a minute. A bare 403 is a refusal, not a limit.
        return status == 429 ? Optional.of(Duration.ofMinutes(1)) : Optional.empty();
    }

    private void pause(Duration wait) throws SourceUnavailable {
        try {
            sleeper.sleepUntil(clock.instant().plus(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailable("The pull from GitHub was interrupted; nothing was stored.", e);
        }
    }

    private static Answer read(HttpResponse<InputStream> response, String what) throws SourceUnavailable {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(LONGEST_BODY + 1);
            if (bytes.length > LONGEST_BODY) {
                throw new SourceUnavailable("GitHub's answer to " + what + " is larger than "
                        + (LONGEST_BODY / 1024 / 1024) + " MB; nothing from this pull was stored.");
            }
            return new Answer(response.statusCode(), response.headers(), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SourceUnavailable("GitHub's answer to " + what + " broke off (" + describe(e)
                    + "); nothing from this pull was stored.", e);
        }
    }

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            body.readNBytes(64 * 1024);
        } catch (IOException e) {
            // The answer is dropped anyway; a body that cannot be read changes nothing.
        }
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : shorten(e.getMessage());
    }

    static String shorten(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
