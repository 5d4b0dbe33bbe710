package io.uptake.delivery;

import java.time.Instant;

/**
 * Where one lane's pacing stands: a lane is what a platform limits on its own, such as one Slack workspace's posts.
 *
 * @param nextSlot    the earliest instant the next send may have
 * @param rate        the sends a second the lane is paced at now
 * @param pausedUntil until when the platform asked the lane to wait (its last 429's {@code Retry-After})
 * @param limitedAt   when the lane's last run of 429s began; null before its first
 * @param sentSince   slots handed out since {@code limitedAt} (or since the lane began)
 */
record LaneBudget(Instant nextSlot, double rate, Instant pausedUntil, Instant limitedAt, long sentSince) {
}
