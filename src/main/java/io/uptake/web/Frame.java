package io.uptake.web;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the layout around every page needs: its title, the section the navigation marks as current, who is looking,
 * whether this is the demo, and the token every form posts back (double-submit cookie).
 */
public record Frame(String title, String section, @Nullable Viewer viewer, boolean demo, String csrfToken) {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    /** An instant as a person reads it on a page ("6 Dec 2026, 10:00 UTC"); empty for none. */
    public String at(@Nullable Instant instant) {
        return instant == null ? "" : AT.format(instant);
    }
}
