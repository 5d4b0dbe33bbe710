package io.uptake.pulse;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * How many pulses a person answered, for their own page. Counted from deliveries, which record that a pulse was
 * answered even when the answers themselves are anonymous and linked to nobody.
 */
@Singleton
public class PulsesAnswered {

    private final PulseRepositories.Deliveries deliveries;

    PulsesAnswered(PulseRepositories.Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Pulses sent to the person that they answered. */
    @Transactional
    public long by(long personId) {
        return deliveries.findByPersonIdOrderByIdDesc(personId).stream().filter(DeliveryRow::answered).count();
    }
}
