package io.uptake.time;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Gives every test context a clock it can move. */
@Requires(env = Environment.TEST)
@Factory
class TestClocks {

    @Singleton
    @Replaces(bean = Clock.class, factory = Clocks.class)
    MutableClock clock() {
        return new MutableClock(MutableClock.START);
    }
}
