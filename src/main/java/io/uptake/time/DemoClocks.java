package io.uptake.time;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** In demo mode the service reads time from a {@link DemoClock}, which the demo's seeder moves through a year. */
@Factory
@Requires(property = "uptake.demo", value = "true")
class DemoClocks {

    @Singleton
    @Replaces(bean = java.time.Clock.class, factory = Clocks.class)
    DemoClock clock() {
        return new DemoClock();
    }
}
