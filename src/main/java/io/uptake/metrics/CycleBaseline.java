package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The cycle time a workflow's median is compared with, and where it came from: typed into the programmes file
 * ({@code cycle-time.baseline-minutes}), or sampled in chat by the pre-rollout pulse (the median of its answers)
 * when the file types none. A typed baseline wins when both exist.
 *
 * @param minutes the baseline in minutes
 * @param source  {@code typed} or {@code sampled}
 * @param people  for a sampled baseline, the people whose answers it is the median of; 0 for a typed one
 */
@Serdeable
public record CycleBaseline(double minutes, String source, int people) {

    public static final String TYPED = "typed";
    public static final String SAMPLED = "sampled";

    /** "typed", or "sampled in chat, 41 people". */
    public String words() {
        return SAMPLED.equals(source) ? "sampled in chat, " + people + " people" : TYPED;
    }
}
