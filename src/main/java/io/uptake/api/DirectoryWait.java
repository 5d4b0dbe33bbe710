package io.uptake.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.uptake.people.DirectoryRead;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * For requests that need the audiences: waits for the first directory read after start-up, or answers 503 with
 * {@code Retry-After} when it is still going on, before anything is stored.
 */
@Singleton
final class DirectoryWait {

    static final String RETRY_AFTER_SECONDS = "5";
    static final String MESSAGE = "The directory is still being read; try again in a few seconds.";

    private final DirectoryRead directory;

    DirectoryWait(DirectoryRead directory) {
        this.directory = directory;
    }

    /** Empty once the directory has been read; otherwise the answer to give instead. */
    Optional<HttpResponse<?>> stillReading() {
        if (directory.awaitFirstRead()) {
            return Optional.empty();
        }
        return Optional.of(HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS).body(ApiError.of(MESSAGE)));
    }
}
