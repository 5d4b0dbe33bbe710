package io.uptake.catalog;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One wave of a workflow's rollout: an audience that goes live on its own date.
 *
 * <p>Wave 1 of a workflow declared with a single {@code audience} is that audience, live with the workflow (no
 * go-live date). A wave counts towards the workflow's figures, and is asked by its pulse, from the ISO week of its
 * go-live on.
 *
 * @param number         1 for the first wave, in the order the programmes file lists them
 * @param goLive         the day the wave goes live; empty: live with the workflow
 * @param targetTeamSize the wave's {@code target-team-size}, 0 when it gives none (an {@code emails:} list then
 *                       counts the people it names)
 */
public record Wave(int number, Audience audience, Optional<LocalDate> goLive, int targetTeamSize) {

    /** True when the wave is live on {@code day}: it has no go-live date, or that date is on or before the day. */
    public boolean liveOn(LocalDate day) {
        return goLive.map(date -> !date.isAfter(day)).orElse(true);
    }
}
