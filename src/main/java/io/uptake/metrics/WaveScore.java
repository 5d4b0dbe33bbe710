package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * One rollout wave of a workflow for one ISO week: the audience that went live on one date, with its own figures,
 * already passed through the anonymity rules.
 *
 * @param wave            the wave's number in the programmes file, 1 for the first
 * @param audienceKind    the programmes-file key of the wave's audience (emails, slack-channel, ...)
 * @param goLive          the wave's go-live date; null when the file gives none (live with the workflow)
 * @param live            whether the wave was live by the end of the week
 * @param teamSize        the team the wave's WAU is divided by
 * @param wauPercent      the wave's weekly active users ÷ its team size
 * @param habitPercent    share of the wave active in ≥ 9 of the last 12 weeks
 * @param trustIndex      the wave's trust index
 * @param cycleTimeMedian the wave's median reported minutes (before go-live: its pre-rollout baseline)
 */
@Serdeable
public record WaveScore(int wave, String audienceKind, @Nullable LocalDate goLive, boolean live, TeamSize teamSize,
                        Figure wauPercent, Figure habitPercent, Figure trustIndex, Figure cycleTimeMedian) {
}
