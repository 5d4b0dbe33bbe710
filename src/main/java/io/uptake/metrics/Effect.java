package io.uptake.metrics;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the effect estimate of going live says: an {@link Estimate}, or in plain words why there is none. In JSON
 * its {@code kind} says which: {@code estimate} or {@code not-estimable}.
 */
@Serdeable
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = Effect.Estimate.class, name = "estimate"),
        @JsonSubTypes.Type(value = Effect.NotEstimable.class, name = "not-estimable")})
public sealed interface Effect {

    /**
     * The average change in the metric that going live brought, in the metric's unit.
     *
     * @param effect     the estimate: negative when going live lowered the metric (e.g. −5 minutes of cycle time)
     * @param low        the lower end of the interval
     * @param high       the upper end of the interval
     * @param confidence the interval's confidence level, e.g. 0.95
     * @param before     the live groups' mean before go-live, in the metric's unit, weighted as the effect is
     * @param percent    the effect as a percentage of {@code before}; null when that is 0
     * @param people     the distinct people (units) whose values the estimate rests on, live and comparison
     * @param weeks      the distinct weeks whose values it rests on, before and after go-live
     * @param method     how it was estimated, in words
     */
    @Serdeable
    record Estimate(double effect, double low, double high, double confidence, double before,
                    @Nullable Double percent, int people, int weeks, String method) implements Effect {

        /** Whether the interval leaves out no effect at all (0). */
        public boolean excludesZero() {
            return low > 0 || high < 0;
        }
    }

    /**
     * No estimate: the data cannot support one.
     *
     * @param reason which rule refused it
     * @param words  why, in a sentence a sponsor reads
     */
    @Serdeable
    record NotEstimable(Reason reason, String words) implements Effect {
    }

    /** Why there is no estimate. */
    enum Reason {
        /** No weekly values at all. */
        NO_DATA,
        /** No wave with a week of data before its go-live. */
        NO_PRE_PERIOD,
        /** No wave still waiting to go live while another was live. */
        NO_COMPARISON_GROUP,
        /** Too few weeks before a go-live or after one. */
        TOO_FEW_WEEKS,
        /** In every week, the live or the comparison group has fewer people than the anonymity threshold. */
        TOO_FEW_PEOPLE
    }
}
