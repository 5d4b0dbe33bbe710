package io.uptake.usage;

/** A tool could not be read; its message says why in words an admin can act on (no secret in it). */
public class SourceUnavailable extends Exception {

    public SourceUnavailable(String message) {
        super(message);
    }

    public SourceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
