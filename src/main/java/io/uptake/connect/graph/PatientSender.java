package io.uptake.connect.graph;

import io.uptake.delivery.Sleeper;
import io.uptake.usage.SourceUnavailable;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request to Microsoft, waiting out throttling: a 429 or 503 is retried after its {@code Retry-After}
 * (through the {@link Sleeper}, so tests wait for nothing), at most {@value #RETRIES} times and never longer than
 * {@link #LONGEST_WAIT} at once. Microsoft asking for a longer wait ends the pull: the next pull tries again.
 */
final class PatientSender {

    static final int RETRIES = 3;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    /** Waited when a 429 or 503 names no time: 5 s, then 10 s, then 15 s. */
    static final Duration WAIT_WITHOUT_RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(PatientSender.class);

    private final HttpClient http;
    private final Sleeper sleeper;
    private final Clock clock;

    PatientSender(HttpClient http, Sleeper sleeper, Clock clock) {
        this.http = http;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * The answer to {@code request}, after any throttling waits; {@code what} names the call in messages
     * ("the token endpoint", "Graph").
     */
    HttpResponse<String> send(HttpRequest request, String what) throws SourceUnavailable {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = once(request, what);
            int status = response.statusCode();
            if (status != 429 && status != 503) {
                return response;
            }
            String answer = status == 429 ? "throttled the request (429)" : "was unavailable (503)";
            if (attempt == RETRIES) {
                throw new SourceUnavailable(what + " " + answer + " " + (RETRIES + 1)
                        + " times in a row; the next pull tries again.");
            }
            Duration wait = retryAfter(response).orElse(WAIT_WITHOUT_RETRY_AFTER.multipliedBy(attempt + 1L));
            if (wait.compareTo(LONGEST_WAIT) > 0) {
                throw new SourceUnavailable(what + " " + answer + " and asked for a wait of " + wait.toSeconds()
                        + " s, longer than a pull waits (" + LONGEST_WAIT.toSeconds()
                        + " s); the next pull tries again.");
            }
            LOG.info("{} {}: waiting {} s before retry {} of {}", what, answer, wait.toSeconds(), attempt + 1,
                    RETRIES);
            try {
                sleeper.sleepUntil(clock.instant().plus(wait));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SourceUnavailable("The pull was interrupted while waiting for " + what + ".");
            }
        }
    }

    private HttpResponse<String> once(HttpRequest request, String what) throws SourceUnavailable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException timedOut) {
            throw new SourceUnavailable(what + " did not answer in time (" + request.uri().getHost() + ").");
        } catch (IOException unreachable) {
            throw new SourceUnavailable("Could not reach " + what + " at " + request.uri().getHost() + ": "
                    + unreachable.getClass().getSimpleName() + ".");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailable("The pull was interrupted while calling " + what + ".");
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; absent, negative or unreadable gives empty. */
    private Optional<Duration> retryAfter(HttpResponse<String> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
