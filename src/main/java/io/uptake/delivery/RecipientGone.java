package io.uptake.delivery;

import io.uptake.platform.Platform;

/** Published when a platform says a person cannot be reached at all (user gone, bot blocked, app removed). */
public record RecipientGone(long personId, Platform platform, String reason) {
}
