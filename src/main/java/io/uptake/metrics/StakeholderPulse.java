package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The programme's stakeholder pulse of the quarter holding the scored week: its sponsor's and named stakeholders'
 * answers, thresholded like every other group. Below the threshold only that answers exist is shown.
 *
 * @param quarter          the quarter, e.g. {@code 2026-Q4}; null when the programme has no stakeholder pulse yet
 * @param asked            people the quarter's pulse went to
 * @param answered         people who answered it
 * @param confidentPercent share still confident the programme will change its outcome (4 or 5 of 5)
 * @param fundPercent      share still willing to fund the next step
 * @param changeMind       what would change their mind, scrubbed; empty unless at least the free-text threshold
 *                         answered
 */
@Serdeable
public record StakeholderPulse(@Nullable String quarter, int asked, int answered, Figure confidentPercent,
                               Figure fundPercent, List<String> changeMind) {

    public StakeholderPulse {
        changeMind = List.copyOf(changeMind);
    }

    public static StakeholderPulse none() {
        Figure none = Figure.noData(Figure.Source.PULSE);
        return new StakeholderPulse(null, 0, 0, none, none, List.of());
    }
}
