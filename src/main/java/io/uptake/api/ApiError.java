package io.uptake.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Every error the HTTP API returns: a message a person can act on, and details when there are several.
 *
 * @param errors individual problems (for example each mistake in a programmes file), when there are any
 */
@Serdeable
public record ApiError(String message, @Nullable List<?> errors) {

    public static ApiError of(String message) {
        return new ApiError(message, null);
    }
}
