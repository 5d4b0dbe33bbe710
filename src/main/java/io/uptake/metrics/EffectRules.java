package io.uptake.metrics;

/**
 * When the data can carry an effect estimate, and how wide its interval is.
 *
 * @param minPeople    fewest people the live group and the comparison group of any week may each have for that
 *                     week to count; the anonymity threshold (min-respondents), never below its floor
 * @param minPreWeeks  fewest weeks with data a wave must have before its go-live
 * @param minPostWeeks fewest distinct weeks after a go-live (each with a large enough comparison group) the
 *                     estimate must rest on
 * @param confidence   the interval's confidence level, e.g. 0.95
 */
public record EffectRules(int minPeople, int minPreWeeks, int minPostWeeks, double confidence) {

    public EffectRules {
        if (minPeople < MetricsSettings.FLOOR) {
            throw new IllegalArgumentException("an effect may not rest on groups of fewer than "
                    + MetricsSettings.FLOOR + " people, but min-people is " + minPeople);
        }
        if (minPreWeeks < 1 || minPostWeeks < 1) {
            throw new IllegalArgumentException("an effect needs at least one week before and one after go-live");
        }
        if (!(confidence >= 0.5 && confidence <= 0.999)) {
            throw new IllegalArgumentException("confidence must be between 0.5 and 0.999, not " + confidence);
        }
    }

    /** The anonymity threshold of these settings, 2 weeks before and after, and a 95 % interval. */
    public static EffectRules of(MetricsSettings settings) {
        return new EffectRules(settings.minRespondents(), 2, 2, 0.95);
    }
}
