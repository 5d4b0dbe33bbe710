package io.uptake.catalog;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One mistake in a programmes file, located well enough for a person to find and fix it.
 *
 * @param line  1-based line of the mistake, or 0 when it concerns the whole file (missing, unreadable, too big)
 * @param field the path of the offending key, such as {@code programmes[0].workflows[1].owner}
 */
@Serdeable
public record CatalogError(String file, int line, String field, String message) {

    /** Renders the error the way compilers do, so editors and terminals can jump to it. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
