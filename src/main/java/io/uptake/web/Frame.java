package io.uptake.web;

import io.micronaut.core.annotation.Nullable;

/**
 * What the layout around every page needs: its title, the section the navigation marks as current, who is looking,
 * whether this is the demo, and the token every form posts back (double-submit cookie).
 */
public record Frame(String title, String section, @Nullable Viewer viewer, boolean demo, String csrfToken) {
}
