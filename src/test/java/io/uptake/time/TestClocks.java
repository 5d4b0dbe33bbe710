package io.uptake.time;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Gives every test context a clock it can move, set at {@link MutableClock#START} unless the context's
 * {@code uptake.test.clock-start} property names another instant, or {@code system} for a clock that runs with the
 * system clock (for tests of real rates). Demo mode keeps its own clock ({@link DemoClock}), which its seeder moves.
 */
@Requires(env = Environment.TEST)
@Requires(property = "uptake.demo", notEquals = "true")
@Factory
class TestClocks {

    @Singleton
    @Replaces(bean = Clock.class, factory = Clocks.class)
    MutableClock clock(@Value("${uptake.test.clock-start:}") String start) {
        if ("system".equals(start)) {
            return MutableClock.followingSystem();
        }
        return new MutableClock(start.isBlank() ? MutableClock.START : Instant.parse(start));
    }
}
