package io.uptake.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How far and how fast each lane's rate adapts. Lanes start at {@link DeliverySettings}' rates; a starting rate
 * above its ceiling is taken as the ceiling too. See {@link PaceRule} for the rule these feed.
 *
 * @param slackPostsCeiling   the most new Slack messages a second a workspace is paced to, however well they go
 * @param slackUpdatesCeiling the most Slack edits a second ({@code chat.update} is Tier 3: 50+ a minute)
 * @param teamsCeiling        the most Teams sends a second per tenant; Teams publishes 30
 * @param decrease            the factor a 429 multiplies a lane's rate by
 * @param increase            the rate each send adds while a lane is busy, until its first 429: a lane at r a
 *                            second grows by {@code increase × r} a second
 * @param creep               the same after a lane's first 429, when it is near the platform's cap
 */
@ConfigurationProperties("uptake.delivery.pacing")
public record PacingSettings(
        @Bindable(defaultValue = "12") double slackPostsCeiling,
        @Bindable(defaultValue = "2") double slackUpdatesCeiling,
        @Bindable(defaultValue = "30") double teamsCeiling,
        @Bindable(defaultValue = DEFAULT_DECREASE_TEXT) double decrease,
        @Bindable(defaultValue = DEFAULT_INCREASE_TEXT) double increase,
        @Bindable(defaultValue = DEFAULT_CREEP_TEXT) double creep) {

    static final String DEFAULT_DECREASE_TEXT = "0.7";
    static final String DEFAULT_INCREASE_TEXT = "0.03";
    static final String DEFAULT_CREEP_TEXT = "0.005";
    static final double DEFAULT_DECREASE = Double.parseDouble(DEFAULT_DECREASE_TEXT);
    static final double DEFAULT_INCREASE = Double.parseDouble(DEFAULT_INCREASE_TEXT);
    static final double DEFAULT_CREEP = Double.parseDouble(DEFAULT_CREEP_TEXT);
}
