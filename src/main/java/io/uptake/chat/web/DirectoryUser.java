package io.uptake.chat.web;

import io.micronaut.core.annotation.Nullable;
import io.uptake.platform.Platform;

/**
 * A person in the simulated workspace or tenant, as its directory lists them.
 *
 * @param role what they do in the demo, shown when picking whom to be (e.g. "Owner of Claims triage")
 */
public record DirectoryUser(Platform platform, String userId, String email, String name, @Nullable String zone,
                            @Nullable String locale, String role) {
}
