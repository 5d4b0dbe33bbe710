package io.uptake.delivery;

/** Published when a platform says a person cannot be reached at all (user gone, bot blocked, app removed). */
public record RecipientGone(long personId, String platform, String reason) {
}
